using System.Text.Json;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Features.Api;

namespace LeadScoringStudio.Features.Workbench.Preview;

/// <summary>
/// A lead someone typed or pasted to try against the draft, in the JSON the API's score endpoint takes (attributes and
/// activities), read with the API's own checks so both say the same about the same input.
/// </summary>
public static class MadeUpLead
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The lead, or each problem as a sentence naming where it is.</summary>
    public static (Lead? Lead, IReadOnlyList<string> Problems) Read(string text, ScoringModel model,
        DateTimeOffset now)
    {
        LeadInput? input;
        try
        {
            input = JsonSerializer.Deserialize<LeadInput>(text, Json);
        }
        catch (JsonException e)
        {
            return (null, [$"The JSON breaks at line {e.LineNumber + 1}, character {e.BytePositionInLine + 1}: " +
                "check the quotes, commas and brackets there."]);
        }

        if (input is null)
        {
            return (null, ["Paste a lead: { \"attributes\": { … }, \"activities\": [ … ] }."]);
        }

        var api = new ApiInput(model, now);
        var lead = api.Lead(input, "lead", needsId: false);
        return (lead, api.Errors.SelectMany(e => e.Value.Select(problem => $"{e.Key}: {problem}")).ToList());
    }

    /// <summary>A lead written out as that JSON (its latest activities only), to start a made-up lead from.</summary>
    public static string Of(Lead lead, int activities = 8) => JsonSerializer.Serialize(new LeadInput(
        null,
        lead.Attributes.Where(a => !a.Value.IsMissing).ToDictionary(a => a.Key, a => JsonOf(a.Value)),
        lead.Activities.OrderByDescending(a => a.At).Take(activities)
            .Select(a => new ActivityInput(null, a.Type, a.At, a.Properties.ToDictionary())).ToList()), Json);

    private static JsonElement JsonOf(FieldValue value) => value.Type switch
    {
        FieldType.Number => JsonSerializer.SerializeToElement(value.Number),
        FieldType.YesNo => JsonSerializer.SerializeToElement(value.Yes),
        _ => JsonSerializer.SerializeToElement(value.ToString()),
    };
}
