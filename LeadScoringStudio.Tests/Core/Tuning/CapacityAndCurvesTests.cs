using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Tuning;

namespace LeadScoringStudio.Tests.Core.Tuning;

public class CapacityAndCurvesTests
{
    private static readonly CellOutlook[] Cells =
    [
        new(Cell.Parse("A1"), 40, 0.40),
        new(Cell.Parse("B1"), 60, 0.25),
        new(Cell.Parse("A2"), 80, 0.20),
        new(Cell.Parse("D4"), 500, 0.01),
    ];

    [Fact]
    public void Cells_are_taken_best_converting_first_and_the_step_nearest_capacity_is_proposed()
    {
        var plan = CapacityPlan.For(Cells, [Cell.Parse("A1"), Cell.Parse("D4")], capacity: 110);

        Assert.Equal([40.0, 100, 180, 680], plan.Curve.Select(p => p.MqlsPerMonth));
        Assert.Equal(["A1", "B1"], plan.Proposed.MqlCells.Select(c => c.ToString()));
        Assert.Equal(16 + 15, plan.Proposed.ConversionsPerMonth, 6);
        Assert.Equal((540.0, 21.0), (plan.Current.MqlsPerMonth, plan.Current.ConversionsPerMonth));
    }

    [Fact]
    public void Roc_and_gain_run_from_nothing_to_everything()
    {
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.2];
        bool[] labels = [true, false, true, false, false];

        var roc = Metrics.Roc(scores, labels);
        var gain = Metrics.Gain(scores, labels);

        Assert.Equal([(0.0, 0.0), (0.0, 0.5), (1 / 3.0, 0.5), (1 / 3.0, 1.0), (2 / 3.0, 1.0), (1.0, 1.0)], roc);
        Assert.Equal((0.6, 1.0), gain[3]);
        Assert.Equal(5 / 6.0, Metrics.Auc(scores, labels), 9);
    }
}
