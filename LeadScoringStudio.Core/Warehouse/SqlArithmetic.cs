using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Warehouse;

/// <summary>The core's integer arithmetic as SQL expressions: its rounding, a criterion's cap and a score's
/// limits.</summary>
internal static class SqlArithmetic
{
    /// <summary><see cref="Math.Round(double, MidpointRounding)"/> away from zero, exactly: the fraction left after
    /// truncation is exact in binary floating point, so comparing it with one half decides as .NET does.</summary>
    public static string RoundAwayFromZero(string value, SqlDialect dialect)
    {
        var whole = dialect.Truncate(value);
        return $"CASE WHEN ({value}) - {whole} >= 0.5 THEN {whole} + 1 " +
               $"WHEN ({value}) - {whole} <= -0.5 THEN {whole} - 1 ELSE {whole} END";
    }

    /// <summary><see cref="Scoring.CriterionPoints.Final"/>: the points times the decay factors added, rounded, then
    /// held to the criterion's maximum in size.</summary>
    public static string Final(ActivityCriterion criterion, string factorSum, SqlDialect dialect)
    {
        var decayed = RoundAwayFromZero($"CAST({criterion.PointsPerOccurrence} AS {dialect.DoubleType}) * {factorSum}",
            dialect);
        return criterion.MaxPoints is { } max
            ? $"CASE WHEN {decayed} > {max} THEN {max} WHEN {decayed} < -{max} THEN -{max} ELSE {decayed} END"
            : decayed;
    }

    /// <summary><see cref="ScoreLimit.Apply"/>: at least the floor, then at most the ceiling.</summary>
    public static string Limit(string score, ScoreLimit limit)
    {
        var floored = limit.Min is { } min ? $"greatest({score}, {min})" : score;
        return limit.Max is { } max ? $"least({floored}, {max})" : floored;
    }
}
