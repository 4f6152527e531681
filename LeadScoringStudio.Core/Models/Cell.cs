namespace LeadScoringStudio.Core.Models;

/// <summary>
/// One of the 16 cells of the grade matrix: engagement A–D by fit 1–4, written "A1" (most engaged,
/// best fit) to "D4".
/// </summary>
public readonly record struct Cell
{
    public const string EngagementGrades = "ABCD";

    public Cell(int engagementIndex, int fitIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(engagementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(engagementIndex, 3);
        ArgumentOutOfRangeException.ThrowIfNegative(fitIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fitIndex, 3);
        EngagementIndex = engagementIndex;
        FitIndex = fitIndex;
    }

    /// <summary>0 for A to 3 for D.</summary>
    public int EngagementIndex { get; }

    /// <summary>0 for grade 1 to 3 for grade 4.</summary>
    public int FitIndex { get; }

    public char EngagementGrade => EngagementGrades[EngagementIndex];

    public int FitGrade => FitIndex + 1;

    /// <summary>Position 0–15, row by row: A1, A2, A3, A4, B1, …, D4.</summary>
    public int Index => (EngagementIndex * 4) + FitIndex;

    public static IReadOnlyList<Cell> All { get; } =
        Enumerable.Range(0, 16).Select(FromIndex).ToArray();

    public static Cell FromIndex(int index) => new(index / 4, index % 4);

    public static Cell Parse(string text) =>
        TryParse(text, out var cell) ? cell : throw new FormatException($"'{text}' is not a cell; cells run from A1 to D4.");

    public static bool TryParse(string? text, out Cell cell)
    {
        cell = default;
        if (text is not { Length: 2 })
        {
            return false;
        }

        var engagement = EngagementGrades.IndexOf(char.ToUpperInvariant(text[0]));
        var fit = text[1] - '1';
        if (engagement < 0 || fit is < 0 or > 3)
        {
            return false;
        }

        cell = new Cell(engagement, fit);
        return true;
    }

    public override string ToString() => $"{EngagementGrade}{FitGrade}";
}
