using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Tests.Web.Leads;

public class LeadSetTests
{
    private static readonly DateTimeOffset AsOf = TestSupport.Leads.AsOf;

    private readonly LeadSet _leads = new(
        new DemoDataGenerator(9, AsOf).GenerateMany(50).Select(g => new StoredLead(g.Lead, LeadOutcome.Unknown, null))
            .Concat(ExampleLeads.Create(AsOf).Select(e => new StoredLead(e.Lead, LeadOutcome.Unknown, e.Story)))
            .ToList());

    [Fact]
    public void Without_search_text_it_offers_the_workshop_examples()
    {
        Assert.Equal(ExampleLeads.Create(AsOf).Count, _leads.Examples.Count);
        Assert.Equal(_leads.Examples, _leads.Search("  "));
        Assert.All(_leads.Examples, i => Assert.True(_leads.Leads[i].IsExample));
    }

    [Theory]
    [InlineData("priya raman")]
    [InlineData("HELIX SOFTWARE")]
    [InlineData("@helixsoftware.com")]
    public void Finds_by_name_company_or_email_ignoring_case(string text)
    {
        var found = _leads.Search(text).Select(i => _leads.Leads[i].Lead).ToList();

        Assert.Contains(found, l => l.Id == "ex-product-leader");
        Assert.All(found, l => Assert.Contains(text.Trim(), $"{l.Name} {l.Company} {l.Email}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Positions_index_the_batch_and_every_score_array()
    {
        var position = _leads.PositionOf("ex-student")!.Value;

        Assert.Equal("ex-student", _leads.Leads[position].Lead.Id);
        Assert.Equal(_leads.Count, _leads.Batch.Count);
        Assert.Null(_leads.PositionOf("nobody"));
    }
}
