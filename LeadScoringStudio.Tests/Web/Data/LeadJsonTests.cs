using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Data;

namespace LeadScoringStudio.Tests.Web.Data;

public class LeadJsonTests
{
    [Fact]
    public void Leads_read_back_as_they_were_written_with_equal_properties_shared()
    {
        var leads = new DemoDataGenerator(21, TestSupport.Leads.AsOf).GenerateMany(200).Select(g => g.Lead).ToList();

        var read = leads.Select(l => LeadJson.Read(l.Id, LeadJson.WriteAttributes(l.Attributes),
            LeadJson.WriteActivities(l.Activities))).ToList();

        for (var i = 0; i < leads.Count; i++)
        {
            Assert.Equal(leads[i].Attributes.Where(a => !a.Value.IsMissing).OrderBy(a => a.Key),
                read[i].Attributes.OrderBy(a => a.Key));
            Assert.Equal(leads[i].Activities.Select(Described), read[i].Activities.Select(Described));
        }

        var alike = read.SelectMany(l => l.Activities).Where(a => a.Properties.Count > 0)
            .GroupBy(a => string.Join(",", a.Properties.Select(p => $"{p.Key}={p.Value}"))).ToList();
        Assert.Contains(alike, g => g.Count() > 1);
        Assert.All(alike, g => Assert.All(g, a => Assert.Same(g.First().Properties, a.Properties)));
    }

    [Fact]
    public void Text_that_needs_escaping_and_property_names_in_any_case_read_back()
    {
        var lead = new Lead("q",
            new Dictionary<string, FieldValue> { ["company"] = FieldValue.OfText("\"Quote\" & <Co> ✓") },
            [new Activity("Page_Visit", TestSupport.Leads.AsOf,
                new Dictionary<string, string> { ["URL"] = "/a?b=\"c\"" })]);

        var read = LeadJson.Read("q", LeadJson.WriteAttributes(lead.Attributes),
            LeadJson.WriteActivities(lead.Activities));

        Assert.Equal("\"Quote\" & <Co> ✓", read.Company);
        Assert.Equal(("Page_Visit", "/a?b=\"c\""), (read.Activities[0].Type, read.Activities[0].Property("url")));
    }

    [Fact]
    public void Stored_activities_that_cannot_be_read_name_the_lead()
    {
        Assert.Contains("Lead z:",
            Assert.Throws<InvalidDataException>(() => LeadJson.Read("z", "{}", "[{\"type\":")).Message);
        Assert.Contains("Lead z: activity 1 has no type or time",
            Assert.Throws<InvalidDataException>(() => LeadJson.Read("z", "{}", "[{\"type\":\"x\"}]")).Message);
    }

    private static string Described(Activity activity) =>
        $"{activity.Type} {activity.At:O} " +
        string.Join(",", activity.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
}
