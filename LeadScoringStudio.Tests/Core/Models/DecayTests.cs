using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Models;

public class DecayTests
{
    [Fact]
    public void Half_life_halves_points_after_one_half_life()
    {
        var decay = Decay.HalfLife(30);
        Assert.Equal(1.0, decay.Factor(0));
        Assert.Equal(0.5, decay.Factor(30), 12);
        Assert.Equal(0.25, decay.Factor(60), 12);
        Assert.Equal(Math.Pow(0.5, 0.5), decay.Factor(15), 12);
    }

    [Fact]
    public void Linear_decay_reaches_zero_after_its_days_and_stays_there()
    {
        var decay = Decay.Linear(90);
        Assert.Equal(1.0, decay.Factor(0));
        Assert.Equal(0.5, decay.Factor(45), 12);
        Assert.Equal(0.0, decay.Factor(90));
        Assert.Equal(0.0, decay.Factor(400));
    }

    [Fact]
    public void No_decay_keeps_every_point() =>
        Assert.Equal(1.0, Decay.None.Factor(3650));
}
