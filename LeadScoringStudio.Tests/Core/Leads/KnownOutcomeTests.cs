using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Tests.Core.Outcomes;

public class KnownOutcomeTests
{
    [Theory]
    [InlineData(LeadOutcome.NotConverted, LeadOutcome.Converted, LeadOutcome.Converted, OutcomeSource.Sales)]
    [InlineData(LeadOutcome.Converted, LeadOutcome.NotConverted, LeadOutcome.NotConverted, OutcomeSource.Sales)]
    [InlineData(LeadOutcome.Converted, null, LeadOutcome.Converted, OutcomeSource.Import)]
    [InlineData(LeadOutcome.Unknown, null, LeadOutcome.Unknown, OutcomeSource.None)]
    [InlineData(LeadOutcome.NotConverted, LeadOutcome.Unknown, LeadOutcome.NotConverted, OutcomeSource.Import)]
    public void What_sales_said_wins_over_what_an_import_gave(LeadOutcome imported, LeadOutcome? sales,
        LeadOutcome outcome, OutcomeSource source) =>
        Assert.Equal(new KnownOutcome(outcome, source), KnownOutcome.Of(imported, sales));
}
