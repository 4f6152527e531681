namespace LeadScoringStudio.Core.Scoring;

/// <summary>One line of a side-by-side explanation: what a criterion (or rule) gave under each model; null where it gave nothing.</summary>
public sealed record ComparedLine(string Label, string Evidence, int? Draft, int? Published)
{
    public bool Differs => (Draft ?? 0) != (Published ?? 0);
}

/// <summary>Lines up the explanations of one lead under two models, criterion by criterion.</summary>
public static class ExplanationComparison
{
    public static IReadOnlyList<ComparedLine> Compare(LeadScore draft, LeadScore published)
    {
        var publishedLines = published.Explanation.ToDictionary(Key);
        var rows = draft.Explanation
            .Select(line => new ComparedLine(line.Label, line.Evidence, line.Final, publishedLines.GetValueOrDefault(Key(line))?.Final))
            .ToList();
        var draftKeys = draft.Explanation.Select(Key).ToHashSet();
        rows.AddRange(published.Explanation
            .Where(line => !draftKeys.Contains(Key(line)))
            .Select(line => new ComparedLine(line.Label, line.Evidence, null, line.Final)));
        return rows;
    }

    private static (LineKind, string) Key(ExplanationLine line) =>
        (line.Kind, line.CriterionId ?? line.Category ?? line.Dimension?.ToString() ?? line.Label);
}
