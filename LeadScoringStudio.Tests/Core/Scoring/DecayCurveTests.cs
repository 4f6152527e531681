using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class DecayCurveTests
{
    [Fact]
    public void Points_halve_each_half_life_and_vanish_outside_the_window()
    {
        var curve = DecayCurve.PointsByAge(Visits("v", 8, lookbackDays: 60, decay: Decay.HalfLife(20)));

        Assert.Equal(91, curve.Count);
        Assert.Equal([8.0, 4.0, 2.0], [curve[0], curve[20], curve[40]]);
        Assert.True(curve[59] > 0);
        Assert.Equal(0.0, curve[60]);
    }

    [Fact]
    public void Negative_points_fade_towards_zero_too()
    {
        var curve = DecayCurve.PointsByAge(Visits("v", -10, decay: Decay.Linear(50)), days: 60);

        Assert.Equal([-10.0, -5.0, 0.0, 0.0], [curve[0], curve[25], curve[50], curve[60]]);
    }
}
