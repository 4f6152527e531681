using System.Text.Json;

namespace LeadScoringStudio.Features.Api;

/// <summary>A lead as the API takes it: attributes by field name (strings, numbers or true/false) and its activities.</summary>
public sealed record LeadInput(string? Id, Dictionary<string, JsonElement>? Attributes, List<ActivityInput>? Activities, string? Outcome = null);

/// <summary>An activity: its type (one the model knows), when (ISO 8601), and properties such as url or topic.</summary>
public sealed record ActivityInput(string? LeadId, string? Type, DateTimeOffset? At, Dictionary<string, string>? Properties);

/// <summary>One line of a score's explanation.</summary>
public sealed record ExplanationItem(string Kind, string? CriterionId, string Label, string Evidence, int Points);

/// <summary>A lead's score with its explanation, under a named model (its key) and version (a published version's
/// number, or the draft's version when <c>IsDraft</c>); <c>Segment</c> names the segment the routing put the lead in
/// (null when a model was asked for by key); <c>Page</c> is the stored lead's page in the studio.</summary>
public sealed record ScoreResponse(
    string? LeadId, long ModelVersion, int Total, int Fit, int Engagement, string Cell, string Action, string Route,
    bool IsMql, IReadOnlyList<string> DisqualifiedBecause, IReadOnlyDictionary<string, int> Categories,
    IReadOnlyList<ExplanationItem> Explanation, string? Stage = null, bool IsDraft = false, string? Page = null,
    string Model = "", string? Segment = null);

public sealed record VersionSummary(int Number, DateTimeOffset PublishedAt, string PublishedBy, string Note);

public sealed record ModelSummary(int Id, string Name, long DraftVersion, IReadOnlyList<VersionSummary> Versions,
    string Key = "", bool IsDefault = false);

public sealed record WriteResponse(int Inserted, int Updated, int ActivitiesAdded);
