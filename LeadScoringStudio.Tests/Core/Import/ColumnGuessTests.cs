using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Tests.Core.Import;

public class ColumnGuessTests
{
    [Theory]
    [InlineData(FieldType.Number, "12", "3.5", "-4")]
    [InlineData(FieldType.YesNo, "Yes", "no", "Y")]
    [InlineData(FieldType.YesNo, "0", "1", "1")]
    [InlineData(FieldType.Date, "2026-03-01", "2026-03-04T09:12:00Z", "2026-03-05 14:30")]
    [InlineData(FieldType.Text, "12", "twelve", "3")]
    [InlineData(FieldType.Text, "01/02/2026", "2026-03-01", "")]
    public void The_type_is_what_every_value_reads_as(FieldType expected, params string[] cells) =>
        Assert.Equal(expected, ColumnGuess.Of("c", cells, ImportOptions.Default).Type);

    [Fact]
    public void Placeholder_texts_are_offered_as_missing_and_set_aside_before_the_type_is_guessed()
    {
        var guess = ColumnGuess.Of("housing", ["yes", "no", "unknown", "Select", "yes", "unknown"],
            ImportOptions.Default);

        Assert.Equal(FieldType.YesNo, guess.Type);
        Assert.Equal([("unknown", 2), ("Select", 1)], guess.MissingOffers.Select(o => (o.Value, o.Count)));
        Assert.All(guess.MissingOffers, o => Assert.False(o.IsSentinel));
    }

    [Fact]
    public void A_number_that_stands_apart_like_999_for_never_is_offered_with_the_reason()
    {
        var guess = ColumnGuess.Of("pdays", ["999", "3", "999", "6", "0", "999", "27"], ImportOptions.Default);

        var offer = Assert.Single(guess.MissingOffers);
        Assert.Equal(("999", 3, true), (offer.Value, offer.Count, offer.IsSentinel));
        Assert.Equal("999 stands apart from the other values (0 to 27)", offer.Why);
    }

    [Fact]
    public void Minus_one_below_values_never_negative_is_a_sentinel_but_a_real_range_is_not()
    {
        Assert.Equal("-1", Assert.Single(ColumnGuess.Of("score", ["-1", "4", "7", "-1", "12"],
            ImportOptions.Default).MissingOffers).Value);
        Assert.Empty(ColumnGuess.Of("balance", ["-1", "-40", "7", "-1", "12"], ImportOptions.Default).MissingOffers);
        Assert.Empty(ColumnGuess.Of("visits", ["999", "400", "998", "999"],
            ImportOptions.Default).MissingOffers); // 999 is not twice 998
    }

    [Fact]
    public void A_column_is_unique_when_every_row_has_a_different_non_empty_value()
    {
        Assert.True(ColumnGuess.Of("id", ["a", "b", "c"], ImportOptions.Default).IsUnique);
        Assert.False(ColumnGuess.Of("id", ["a", "b", "a"], ImportOptions.Default).IsUnique);
        Assert.False(ColumnGuess.Of("id", ["a", "", "c"], ImportOptions.Default).IsUnique);
    }

    [Fact]
    public void The_lead_id_is_a_column_named_like_one_else_a_unique_column_whose_name_says_it_identifies()
    {
        ColumnGuess Unique(string name) => new(name, FieldType.Text, [], true);
        ColumnGuess Repeated(string name) => new(name, FieldType.Text, [], false);

        Assert.Equal("Prospect ID", MappingSuggestions.LeadIdColumn(["Name", "Prospect ID", "Lead Number"],
            [Unique("Name"), Unique("Prospect ID"), Unique("Lead Number")]));
        Assert.Equal("id", MappingSuggestions.LeadIdColumn(["Name", "id"], [Unique("Name"), Repeated("id")]));
        Assert.Null(MappingSuggestions.LeadIdColumn(["Name", "age"], [Unique("Name"), Repeated("age")]));
        Assert.Null(MappingSuggestions.LeadIdColumn(["Account number"], [Repeated("Account number")]));
    }
}
