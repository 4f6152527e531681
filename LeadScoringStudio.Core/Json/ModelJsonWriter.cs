using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Json;

/// <summary>Writes a model as its JSON file: indented, in a fixed order, optional settings left out when
/// unset.</summary>
internal static class ModelJsonWriter
{
    public static string Write(ScoringModel model)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", ScoringModel.CurrentSchemaVersion);
            json.WriteString("name", model.Name);
            WriteArray(json, "fields", model.Fields, (j, f) =>
            {
                j.WriteString("name", f.Name);
                j.WriteString("label", f.Label);
                j.WriteString("type", EnumNames.Of(f.Type));
            });
            WriteArray(json, "activityTypes", model.ActivityTypes, (j, t) =>
            {
                j.WriteString("name", t.Name);
                j.WriteString("label", t.Label);
            });
            WriteArray(json, "categories", model.Categories, (j, c) =>
            {
                j.WriteString("id", c.Id);
                j.WriteString("label", c.Label);
                j.WriteNumber("watermark", c.Watermark);
                WriteOptional(j, "cap", c.Cap);
            });
            WriteArray(json, "criteria", model.Criteria, WriteCriterion);
            WriteArray(json, "disqualifiers", model.Disqualifiers, (j, d) =>
            {
                j.WriteString("id", d.Id);
                j.WriteString("reason", d.Reason);
                WriteCondition(j, d.When);
            });
            if (model.Inactivity is { } inactivity)
            {
                json.WriteStartObject("inactivity");
                json.WriteNumber("points", inactivity.Points);
                json.WriteNumber("periodDays", inactivity.PeriodDays);
                json.WriteNumber("floor", inactivity.Floor);
                json.WriteEndObject();
            }

            if (model.Completeness is { } completeness)
            {
                json.WriteStartObject("completeness");
                json.WriteNumber("points", completeness.Points);
                WriteStrings(json, "fields", completeness.Fields);
                json.WriteEndObject();
            }

            json.WriteStartObject("limits");
            WriteLimit(json, "fit", model.Limits.Fit);
            WriteLimit(json, "engagement", model.Limits.Engagement);
            WriteLimit(json, "total", model.Limits.Total);
            json.WriteEndObject();
            WriteBands(json, "fitBands", model.FitBands);
            WriteBands(json, "engagementBands", model.EngagementBands);
            json.WriteStartObject("actions");
            foreach (var cell in Cell.All.Where(c => c.Index < model.Actions.Count))
            {
                var action = model.Actions[cell.Index];
                json.WriteStartObject(cell.ToString());
                json.WriteString("label", action.Label);
                json.WriteString("route", EnumNames.Of(action.Route));
                json.WriteNumber("priority", action.Priority);
                WriteOptional(json, "slaHours", action.SlaHours);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            WriteStrings(json, "mqlCells", model.MqlCells.Select(c => c.ToString()));
            json.WriteStartObject("recycling");
            json.WriteNumber("cooldownDays", model.Recycling.CooldownDays);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCriterion(Utf8JsonWriter json, Criterion criterion)
    {
        json.WriteString("id", criterion.Id);
        json.WriteString("label", criterion.Label);
        json.WriteString("dimension", EnumNames.Of(criterion.Dimension));
        if (criterion.Category is { } category)
        {
            json.WriteString("category", category);
        }

        switch (criterion)
        {
            case AttributeCriterion attribute:
                WriteCondition(json, attribute.When);
                if (attribute.AlsoWhen.Count > 0)
                {
                    json.WriteStartArray("and");
                    foreach (var condition in attribute.AlsoWhen)
                    {
                        json.WriteStartObject();
                        WriteCondition(json, condition);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteNumber("points", attribute.Points);
                break;
            case ActivityCriterion activity:
                WriteCondition(json, activity.When);
                json.WriteNumber("pointsPerOccurrence", activity.PointsPerOccurrence);
                WriteOptional(json, "maxOccurrences", activity.MaxOccurrences);
                WriteOptional(json, "maxPoints", activity.MaxPoints);
                WriteOptional(json, "lookbackDays", activity.LookbackDays);
                json.WriteStartObject("decay");
                json.WriteString("kind", EnumNames.Of(activity.Decay.Kind));
                json.WriteNumber("days", activity.Decay.Days);
                json.WriteEndObject();
                break;
        }
    }

    private static void WriteCondition(Utf8JsonWriter json, Condition condition)
    {
        switch (condition)
        {
            case AttributeCondition attribute:
                json.WriteStartObject("attribute");
                json.WriteString("field", attribute.Field);
                json.WriteString("operator", EnumNames.Of(attribute.Operator));
                WriteStrings(json, "values", attribute.Values);
                json.WriteEndObject();
                break;
            case ActivityCondition activity:
                json.WriteStartObject("activity");
                json.WriteString("type", activity.ActivityType);
                WriteArray(json, "filters", activity.Filters, (j, f) =>
                {
                    j.WriteString("property", f.Property);
                    j.WriteString("operator", EnumNames.Of(f.Operator));
                    WriteStrings(j, "values", f.Values);
                });
                json.WriteEndObject();
                break;
        }
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IEnumerable<T> items,
        Action<Utf8JsonWriter, T> writeItem)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeItem(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    private static void WriteLimit(Utf8JsonWriter json, string name, ScoreLimit limit)
    {
        json.WriteStartObject(name);
        WriteOptional(json, "min", limit.Min);
        WriteOptional(json, "max", limit.Max);
        json.WriteEndObject();
    }

    private static void WriteBands(Utf8JsonWriter json, string name, GradeBands bands)
    {
        json.WriteStartObject(name);
        json.WriteNumber("first", bands.First);
        json.WriteNumber("second", bands.Second);
        json.WriteNumber("third", bands.Third);
        json.WriteEndObject();
    }
}
