using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// The signals of one field (or one activity type) and, for every lead in the batch, which of them it has.
/// A field's signals are its levels: every lead has exactly one of them (<see cref="IsComplete"/>), unless it holds
/// a value of another type than the field's.
/// </summary>
public sealed class SignalGroup
{
    internal SignalGroup(string key, string label, Dimension dimension, bool isActivity, IReadOnlyList<Signal> signals,
        short[] levelOf, string? unusable, IReadOnlyList<string>? fields = null)
    {
        Key = key;
        Fields = fields ?? (isActivity ? [] : [key]);
        Label = label;
        Dimension = dimension;
        IsActivity = isActivity;
        Signals = signals;
        LevelOf = levelOf;
        Unusable = unusable;
        IsComplete = !isActivity && Fields.Count == 1 && levelOf.All(l => l >= 0);
    }

    /// <summary>The field's key, the activity type, or for a pair of fields both keys joined by " & ".</summary>
    public string Key { get; }

    /// <summary>The fields the signals look at: one, or two for a pair; none for an activity type.</summary>
    public IReadOnlyList<string> Fields { get; }

    public string Label { get; }

    public Dimension Dimension { get; }

    public bool IsActivity { get; }

    public IReadOnlyList<Signal> Signals { get; }

    /// <summary>Per lead in batch order, the index of its signal, or −1 for none.</summary>
    internal short[] LevelOf { get; }

    public bool IsComplete { get; }

    /// <summary>Why the field offers no signals (no values, one value only, too many different values); null when it
    /// does.</summary>
    public string? Unusable { get; }
}
