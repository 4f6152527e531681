using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Json;

public class ModelFileTests
{
    private static readonly string StarterJson = ModelFile.Write(StarterModel.Create());

    private static IReadOnlyList<ModelProblem> ProblemsAfter(string find, string replace)
    {
        Assert.Contains(find, StarterJson);
        var result = ModelFile.Read(ReplaceFirst(StarterJson, find, replace));
        Assert.False(result.IsValid);
        return result.Problems;
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    [Fact]
    public void Starter_model_round_trips_exactly()
    {
        var read = ModelFile.Read(StarterJson);

        Assert.Empty(read.Problems);
        Assert.Equal(StarterModel.Create(), read.Model);
        Assert.Equal(StarterJson, ModelFile.Write(read.Model!));
        Assert.Contains("\"schemaVersion\": 1", StarterJson);
    }

    [Fact]
    public void Starter_model_is_valid() =>
        Assert.Empty(ModelValidator.Validate(StarterModel.Create()));

    [Fact]
    public void Unknown_field_type_names_the_place_and_the_choices()
    {
        var problem = Assert.Single(ProblemsAfter("\"type\": \"yesNo\"", "\"type\": \"boolean\""));
        Assert.Equal("$.fields[11].type", problem.Path);
        Assert.Contains("unknown field type 'boolean'", problem.Message);
        Assert.Contains("text, number, yesNo, date", problem.Message);
    }

    [Fact]
    public void Unknown_operator_is_reported_once()
    {
        var problem = Assert.Single(ProblemsAfter("\"operator\": \"oneOf\"", "\"operator\": \"isOneOf\""));
        Assert.Equal("$.criteria[0].attribute.operator", problem.Path);
    }

    [Fact]
    public void Duplicate_ids_are_reported_at_the_second_one()
    {
        var problem = Assert.Single(ProblemsAfter("\"id\": \"seniority-director\"", "\"id\": \"seniority-exec\""));
        Assert.Equal("$.criteria[1].id", problem.Path);
        Assert.Contains("already uses the id 'seniority-exec'", problem.Message);
    }

    [Fact]
    public void Bands_that_do_not_increase_are_reported()
    {
        var problem = Assert.Single(ProblemsAfter("\"second\": 40", "\"second\": 70"));
        Assert.Equal("$.fitBands", problem.Path);
        Assert.Contains("bands must increase", problem.Message);
    }

    [Fact]
    public void Missing_matrix_cell_is_named()
    {
        var json = System.Text.RegularExpressions.Regex.Replace(StarterJson, "\"C3\": \\{[^}]*\\},", "");
        var problem = Assert.Single(ModelFile.Read(json).Problems);
        Assert.Equal("$.actions.C3", problem.Path);
    }

    [Fact]
    public void Negative_half_life_is_reported()
    {
        var problem = Assert.Single(ProblemsAfter("\"days\": 30", "\"days\": -30"));
        Assert.Equal("$.criteria[17].decay.days", problem.Path);
        Assert.Contains("half-life must be a positive number of days", problem.Message);
    }

    [Fact]
    public void Criterion_in_an_unknown_category_is_reported()
    {
        var problem = Assert.Single(ProblemsAfter("\"category\": \"security\"", "\"category\": \"securty\""));
        Assert.Equal("$.criteria[32].category", problem.Path);
        Assert.Equal("there is no category 'securty'", problem.Message);
    }

    [Fact]
    public void Every_problem_is_returned_not_just_the_first()
    {
        var json = ReplaceFirst(StarterJson, "\"type\": \"yesNo\"", "\"type\": \"boolean\"");
        json = ReplaceFirst(json, "\"second\": 40", "\"second\": 70");
        json = ReplaceFirst(json, "\"category\": \"security\"", "\"category\": \"securty\"");
        json = ReplaceFirst(json, "\"points\": 20", "\"points\": \"twenty\"");
        json = ReplaceFirst(json, "\"pointsPerOccurrence\": 10,", "\"ponts\": 10, \"pointsPerOccurrence\": 10,");

        var paths = ModelFile.Read(json).Problems.Select(p => p.Path).ToList();
        Assert.Equal(["$.fields[11].type", "$.criteria[0].points", "$.criteria[17].ponts", "$.criteria[32].category", "$.fitBands"], paths);
    }

    [Fact]
    public void Wrong_value_types_and_typos_say_what_was_found()
    {
        var problems = ProblemsAfter("\"watermark\": 25", "\"watermark\": \"high\"");
        Assert.Equal("expected a whole number here, found the text \"high\"", Assert.Single(problems).Message);
    }

    [Fact]
    public void Values_must_fit_the_field_type_and_operator()
    {
        var model = StarterModel.Create();
        var bad = model with
        {
            Criteria = model.Criteria
                .SetItem(0, new AttributeCriterion("a", "A", Dimension.Fit, null, new AttributeCondition("company_size", Operator.AtLeast, ["lots"]), 5))
                .SetItem(1, new AttributeCriterion("b", "B", Dimension.Fit, null, new AttributeCondition("seniority", Operator.AtLeast, ["5"]), 5))
                .SetItem(2, new AttributeCriterion("c", "C", Dimension.Fit, null, new AttributeCondition("company_size", Operator.Between, ["500", "100"]), 5))
                .SetItem(3, new AttributeCriterion("d", "D", Dimension.Fit, null, new AttributeCondition("nope", Operator.IsPresent, []), 5)),
        };

        var problems = ModelValidator.Validate(bad).Select(p => p.ToString()).ToList();
        Assert.Equal(
            [
                "$.criteria[0].attribute.values[0]: 'lots' is not a number value, which Company size (employees) needs",
                "$.criteria[1].attribute.operator: 'at least' does not work on Seniority, which is a text field",
                "$.criteria[2].attribute.values: 'between' needs the lowest value first: 500 is above 100",
                "$.criteria[3].attribute.field: there is no field 'nope'; add it to the fields first",
            ],
            problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"schemaVersion\": 2}")]
    [InlineData("{\"criteria\": [1, \"x\", {\"activity\": 5}], \"actions\": [], \"mqlCells\": [\"Z9\", 3]}")]
    public void Bad_input_gives_problems_and_never_throws(string json)
    {
        var result = ModelFile.Read(json);

        Assert.Null(result.Model);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.StartsWith("$", p.Path));
    }

    [Fact]
    public void Newer_schema_version_is_explained()
    {
        var problem = ProblemsAfter("\"schemaVersion\": 1", "\"schemaVersion\": 2").Single(p => p.Path == "$.schemaVersion");
        Assert.Contains("reads model files of schema version 1, this one is version 2", problem.Message);
    }

    [Fact]
    public void Truncated_files_never_throw()
    {
        for (var length = 0; length < StarterJson.Length; length += 97)
        {
            var result = ModelFile.Read(StarterJson[..length]);
            Assert.False(result.IsValid);
        }
    }
}
