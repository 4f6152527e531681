using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>One cell's expected monthly volume and conversion.</summary>
public sealed record CellOutlook(Cell Cell, double LeadsPerMonth, double ConversionRate)
{
    public double ConversionsPerMonth => LeadsPerMonth * ConversionRate;
}

/// <summary>A choice of MQL cells: how many MQLs a month it brings and how many of them are expected to convert.</summary>
public sealed record CapacityPoint(IReadOnlyList<Cell> MqlCells, double MqlsPerMonth, double ConversionsPerMonth);

/// <summary>
/// Matches the MQL rule to what the SDR team can work: cells are taken best-converting first, and the
/// proposal is the step whose expected MQLs per month come closest to the team's capacity. The curve shows every step (volume against expected
/// conversions), so the current rule can be placed on it.
/// </summary>
public sealed record CapacityPlan(double Capacity, IReadOnlyList<CapacityPoint> Curve, CapacityPoint Current, CapacityPoint Proposed)
{
    public static CapacityPlan For(IReadOnlyList<CellOutlook> cells, IReadOnlyList<Cell> currentMqlCells, double capacity)
    {
        var ranked = cells.Where(c => c.LeadsPerMonth > 0).OrderByDescending(c => c.ConversionRate).ThenBy(c => c.Cell.Index).ToList();
        var curve = new List<CapacityPoint>();
        for (var k = 1; k <= ranked.Count; k++)
        {
            var taken = ranked.Take(k).ToList();
            curve.Add(new CapacityPoint(taken.Select(c => c.Cell).OrderBy(c => c.Index).ToList(), taken.Sum(c => c.LeadsPerMonth), taken.Sum(c => c.ConversionsPerMonth)));
        }

        var current = cells.Where(c => currentMqlCells.Contains(c.Cell)).ToList();
        var proposed = curve.OrderBy(p => Math.Abs(p.MqlsPerMonth - capacity)).FirstOrDefault() ?? new CapacityPoint([], 0, 0);
        return new CapacityPlan(capacity, curve, new CapacityPoint(currentMqlCells, current.Sum(c => c.LeadsPerMonth), current.Sum(c => c.ConversionsPerMonth)), proposed);
    }
}
