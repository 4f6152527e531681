using System.Text;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Import;

public sealed class FieldMeaningTests
{
    private static readonly ScoringModel Model = StarterModel.Create();

    [Fact]
    public void Columns_named_as_another_crm_names_them_map_to_the_fields_they_mean_and_say_why()
    {
        var csv = "Record ID,Full name,Company Name,Employees,Industy,Job Title,Annual revenue (M USD),County\n" +
            "r-1,Ada Lovelace,Analytical Ltd,250,Software,CTO,12,Kent\n";
        var table = CsvFile.Read("hubspot.csv", Encoding.UTF8.GetBytes(csv)).Table!;

        var mapping = MappingSuggestions.ForLeads(table, Model, ColumnGuess.Of(table, ImportOptions.Default))
            .ToDictionary(m => m.Column);

        Assert.Equal(ColumnTarget.LeadId, mapping["Record ID"].Target);
        Assert.Equal((ColumnTarget.Name, "“Full name” means name"),
            (mapping["Full name"].Target, mapping["Full name"].Why));
        Assert.Equal(ColumnTarget.Company, mapping["Company Name"].Target);
        Assert.Equal(("company_size", FieldType.Number, "“Employees” means company size (employees)"),
            (mapping["Employees"].Field, mapping["Employees"].Type, mapping["Employees"].Why));
        Assert.Equal(("industry", "close to the field name “industry”"),
            (mapping["Industy"].Field, mapping["Industy"].Why));
        Assert.Equal(("job_title", "same name"), (mapping["Job Title"].Field, mapping["Job Title"].Why));
        Assert.Equal(("annual_revenue", "same as the field's label “Annual revenue (M USD)”"),
            (mapping["Annual revenue (M USD)"].Field, mapping["Annual revenue (M USD)"].Why));
        Assert.Equal(("county", null), (mapping["County"].Field, mapping["County"].Why));
    }

    [Fact]
    public void A_model_without_name_or_email_fields_still_takes_those_columns_for_the_lead()
    {
        var bare = Model with { Fields = Model.Fields.Where(f => f.Name is not ("name" or "email")).ToValueList() };

        Assert.Equal("email", FieldMeaning.Of("E-mail address", FieldMeaning.LeadFields)!.Field.Name);
        Assert.Null(FieldMeaning.Of("E-mail address", bare.Fields));
        Assert.Null(FieldMeaning.Of("Comments", Model.Fields));
    }
}
