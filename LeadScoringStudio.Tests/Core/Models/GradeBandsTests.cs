using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Models;

public class GradeBandsTests
{
    [Theory]
    [InlineData(int.MaxValue, 0)]
    [InlineData(60, 0)]
    [InlineData(59, 1)]
    [InlineData(40, 1)]
    [InlineData(39, 2)]
    [InlineData(20, 2)]
    [InlineData(19, 3)]
    [InlineData(-150, 3)]
    [InlineData(int.MinValue, 3)]
    public void A_score_gets_the_best_grade_whose_threshold_it_reaches(int score, int grade) =>
        Assert.Equal(grade, new GradeBands(60, 40, 20).GradeIndex(score));

    /// <summary>Validation refuses bands out of order, but a grade is defined for any bands: the first threshold
    /// reached decides.</summary>
    [Theory]
    [InlineData(70, 0)]
    [InlineData(25, 0)]
    [InlineData(19, 3)]
    public void Out_of_order_bands_give_the_first_threshold_reached(int score, int grade) =>
        Assert.Equal(grade, new GradeBands(20, 40, 60).GradeIndex(score));

    [Theory]
    [InlineData(45, 1)]
    [InlineData(35, 3)]
    public void Equal_thresholds_skip_the_grade_between_them(int score, int grade) =>
        Assert.Equal(grade, new GradeBands(50, 40, 40).GradeIndex(score));
}
