using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Data;

/// <summary>The working draft of a model, with the version a save must quote to avoid overwriting someone else's.</summary>
public sealed record DraftModel(int ModelId, ScoringModel Model, long Version, string SavedBy, DateTimeOffset SavedAt, string? Note);

/// <summary>A published version of a model.</summary>
public sealed record PublishedModel(int Number, ScoringModel Model, string PublishedBy, DateTimeOffset PublishedAt, string Note);

/// <summary>What the workbench opens: the draft and the latest published version (none before the first publish).</summary>
public sealed record ModelWorkspace(DraftModel Draft, PublishedModel? Published);

public enum SaveStatus
{
    Saved,

    /// <summary>Someone else saved since this draft was loaded; nothing was written.</summary>
    Conflict,

    /// <summary>The model has problems; nothing was written.</summary>
    Invalid,

    /// <summary>The user's role does not allow this; nothing was written.</summary>
    Refused,
}

/// <summary>The outcome of saving or publishing, with a message for the person who asked.</summary>
public sealed record SaveResult(SaveStatus Status, string Message, long Version = 0, int? PublishedNumber = null)
{
    public bool Succeeded => Status == SaveStatus.Saved;
}
