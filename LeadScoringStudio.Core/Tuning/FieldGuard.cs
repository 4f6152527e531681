using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>Whether a field takes part in the fit, and if not, why.</summary>
public enum FieldUse
{
    Used,

    /// <summary>Strong, and nobody said it is known before first sales contact: held back until someone does.</summary>
    Asked,

    /// <summary>Separates outcomes too well (or is named like a post-contact field) to be known before contact: held
    /// back.</summary>
    Excluded,

    AfterContact,
    LeftOut,
    Unusable,
}

/// <summary>The guard's verdict on one field, with how well it ranks held-out leads on its own and the reason in
/// words.</summary>
public sealed record FieldVerdict(string Key, string Label, FieldUse Use, double? AloneAuc, string Reason)
{
    public bool IsUsed => Use == FieldUse.Used;

    /// <summary>A pair of fields the fit combines (see <see cref="Signals.ForPair"/>), not a field of the
    /// catalog.</summary>
    public bool IsCombination { get; init; }

    /// <summary>Held back by the guard: a person can settle it by saying whether it is known before first sales
    /// contact.</summary>
    public bool NeedsAnswer => Use is FieldUse.Asked or FieldUse.Excluded;
}

/// <summary>
/// The leakage guard, at field level: a whole field is judged by how well it alone ranks the held-out leads (each
/// of its levels scored by the outcome rate of the leads learned from). A field marked as recorded after contact or
/// left out is never used; one that separates outcomes too well is excluded; a strong one nobody marked as known
/// before contact is asked about. Both are held back until someone answers.
/// </summary>
public static class FieldGuard
{
    public const double ExcludeAt = 0.85;
    public const double AskAt = 0.75;

    private static readonly string[] AfterContactWords =
        ["status", "stage", "disposition", "outcome", "owner", "rep_", "sales_", "lost_reason"];

    /// <summary>
    /// ROC AUC of the field alone on the test rows, its levels scored by their smoothed log-odds among the train rows:
    /// over
    /// all of them, or over those with a value when that is higher (a field filled in for some leads only, say after
    /// sales spoke to them, can give the outcome away where it is filled and still look weak over every lead).
    /// </summary>
    public static double AloneAuc(SignalGroup group, IReadOnlyList<int> positions, IReadOnlyList<bool> labels,
        Split split)
    {
        var missing = group.Signals.ToList().FindIndex(s =>
            s.Template is AttributeCriterion { When.Operator: Operator.IsMissing, AlsoWhen.Count: 0 });
        var all = AloneAuc(group, positions, labels, split.Train, split.Test);
        if (missing < 0)
        {
            return all;
        }

        var filled = split.Test.Where(row => group.LevelOf[positions[row]] != missing).ToList();
        return filled.Count >= 20 ? Math.Max(all, AloneAuc(group, positions, labels, split.Train, filled)) : all;
    }

    private static double AloneAuc(SignalGroup group, IReadOnlyList<int> positions, IReadOnlyList<bool> labels,
        IReadOnlyList<int> train, IReadOnlyList<int> test)
    {
        var levels = group.Signals.Count + 1; // the last counts leads with none of the signals
        var positive = new double[levels];
        var negative = new double[levels];
        int Level(int row) => group.LevelOf[positions[row]] is var level and >= 0 ? level : levels - 1;
        foreach (var row in train)
        {
            if (labels[row]) positive[Level(row)]++; else negative[Level(row)]++;
        }

        var logOdds = Enumerable.Range(0, levels).Select(l => Math.Log((positive[l] + 0.5) / (negative[l] + 0.5)))
            .ToArray();
        return Metrics.Auc(test.Select(row => logOdds[Level(row)]).ToList(), test.Select(row => labels[row]).ToList());
    }

    public static FieldVerdict Judge(SignalGroup group, CatalogField? field, double? aloneAuc)
    {
        FieldVerdict Verdict(FieldUse use, string reason) => new(group.Key, group.Label, use, aloneAuc, reason);
        var strength = aloneAuc is { } auc ? $"alone it ranks held-out leads at AUC {auc:0.00}" : "";
        if (field?.KnownBeforeContact == KnownBeforeContact.No)
        {
            return Verdict(FieldUse.AfterContact, "marked as recorded after first sales contact: never used");
        }

        if (field?.LeftOut == true)
        {
            return Verdict(FieldUse.LeftOut, "left out by choice");
        }

        if (group.Unusable is { } why)
        {
            return Verdict(FieldUse.Unusable, why);
        }

        if (field?.KnownBeforeContact == KnownBeforeContact.Yes)
        {
            return Verdict(FieldUse.Used, $"{strength}; known before first sales contact (marked)".TrimStart(';', ' '));
        }

        if (AfterContactWords.Any(w => group.Key.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return Verdict(FieldUse.Excluded, ("named like something recorded after sales contact " +
                $"(status, stage, owner…); {strength}").TrimEnd(';', ' '));
        }

        return aloneAuc switch
        {
            >= ExcludeAt =>
                Verdict(FieldUse.Excluded, $"{strength}, too well for something known before sales contact: it " +
                    $"probably records what sales did"),
            >= AskAt when !group.IsActivity =>
                Verdict(FieldUse.Asked, $"{strength}: is it known before first sales contact? Held back until " +
                    $"someone says"),
            _ => Verdict(FieldUse.Used, ""),
        };
    }
}
