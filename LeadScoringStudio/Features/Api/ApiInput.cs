using System.Globalization;
using System.Text.Json;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Features.Api;

/// <summary>
/// Turns API input into leads and activities, collecting every error under the path of the offending field (e.g.
/// <c>leads[3].attributes.company_size</c>) for a ProblemDetails reply. Attributes are typed by the model's fields,
/// else by the workspace's field catalog; a field met for the first time takes the type of its JSON value. Sizes are
/// bounded by <see cref="InputLimits"/>, names given twice (ignoring case) are refused, and an activity must have
/// happened between 1970 and <paramref name="now"/> (plus a day).
/// </summary>
public sealed class ApiInput(ScoringModel model, DateTimeOffset now, IReadOnlyList<CatalogField>? catalog = null)
{
    public const int MaxBatch = 1000;

    public Dictionary<string, string[]> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public Lead? Lead(LeadInput input, string path, bool needsId)
    {
        if (needsId && string.IsNullOrWhiteSpace(input.Id))
        {
            Error($"{path}.id", "every lead needs an id");
        }

        Text($"{path}.id", input.Id, InputLimits.MaxKeyLength);
        var tooManyAttributes = Count($"{path}.attributes", input.Attributes?.Count ?? 0,
            InputLimits.MaxAttributesPerLead, "attributes");
        if (Count($"{path}.activities", input.Activities?.Count ?? 0, InputLimits.MaxActivitiesPerLead, "activities")
            | tooManyAttributes)
        {
            return null;
        }

        var attributes = new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, element) in input.Attributes ?? [])
        {
            Text($"{path}.attributes", name, InputLimits.MaxKeyLength);
            if (attributes.ContainsKey(name))
            {
                Error($"{path}.attributes.{name}", "is given twice (field names ignore case)");
                continue;
            }

            if (element.ValueKind == JsonValueKind.String)
            {
                Text($"{path}.attributes.{name}", element.GetString(), InputLimits.MaxTextLength);
            }

            var type = model.FindField(name)?.Type
                ?? catalog?.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase))?.Type
                ?? element.ValueKind switch { JsonValueKind.Number => FieldType.Number,
                    JsonValueKind.True or JsonValueKind.False => FieldType.YesNo, _ => FieldType.Text };
            if (Value(element, type) is { } value)
            {
                attributes[name] = value;
            }
            else
            {
                Error($"{path}.attributes.{name}", $"expected {Describe(type)}, got {element.GetRawText()}");
            }
        }

        var activities = new List<Activity>();
        for (var i = 0; i < (input.Activities?.Count ?? 0); i++)
        {
            if (Activity(input.Activities![i], $"{path}.activities[{i}]") is { } activity)
            {
                activities.Add(activity);
            }
        }

        return IsValid ? new Lead(input.Id?.Trim() ?? "", attributes, activities.OrderByDescending(a => a.At)
            .ToList()) : null;
    }

    /// <summary>A lead to write, with the activities it came with (already read and checked).</summary>
    public (ImportedLead Lead, IReadOnlyList<Activity> Activities)? Upsert(LeadInput input, string path)
    {
        var lead = Lead(input, path, needsId: true);
        LeadOutcome? outcome = input.Outcome?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "converted" or "won" => LeadOutcome.Converted,
            "notconverted" or "not converted" or "lost" => LeadOutcome.NotConverted,
            "unknown" or "open" => LeadOutcome.Unknown,
            _ => Error<LeadOutcome?>($"{path}.outcome", "use converted, lost or unknown"),
        };
        return lead is null || !IsValid ? null : (new ImportedLead(0, lead.Id, lead.Attributes, outcome),
            lead.Activities);
    }

    public Activity? Activity(ActivityInput input, string path)
    {
        var type = model.FindActivityType(input.Type ?? "");
        if (type is null)
        {
            Error($"{path}.type", $"unknown activity type '{input.Type}'; the model knows " +
                $"{string.Join(", ", model.ActivityTypes.Select(t => t.Name))}");
        }

        if (input.At is null)
        {
            Error($"{path}.at", "when it happened is required (ISO 8601, e.g. 2026-05-01T14:30:00Z)");
        }
        else if (InputLimits.ActivityTimeProblem(input.At.Value, now) is { } wrongTime)
        {
            Error($"{path}.at", wrongTime);
        }

        var properties = Properties(input.Properties ?? [], $"{path}.properties");
        return type is null || !IsValid ? null : new Activity(type.Name, input.At!.Value.ToUniversalTime(), properties);
    }

    private Dictionary<string, string> Properties(Dictionary<string, string> given, string path)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Count(path, given.Count, InputLimits.MaxPropertiesPerActivity, "properties"))
        {
            return properties;
        }

        foreach (var (name, value) in given)
        {
            Text(path, name, InputLimits.MaxKeyLength);
            Text($"{path}.{name}", value, InputLimits.MaxTextLength);
            if (!properties.TryAdd(name, value))
            {
                var first = properties.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                Error($"{path}.{name}", $"is given twice ('{first}' and '{name}'; property names ignore case)");
            }
        }

        return properties;
    }

    private void Text(string path, string? text, int maxLength)
    {
        if (InputLimits.TextProblem(text, maxLength) is { } problem)
        {
            Error(path, $"{Shortened(text!)} {problem}");
        }
    }

    /// <summary>True (and an error) when there are more than <paramref name="max"/>.</summary>
    private bool Count(string path, int count, int max, string what)
    {
        if (count > max)
        {
            Error(path, $"has {count:N0} {what}; at most {max:N0} per lead in one request");
        }

        return count > max;
    }

    private static string Shortened(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}…'";

    /// <summary>False (and an error) when the batch is empty or too big; a too big one is refused before its items
    /// are read.</summary>
    public bool CheckBatch(int count, string path)
    {
        if (count == 0)
        {
            Error(path, "send at least one item");
        }
        else if (count > MaxBatch)
        {
            Error(path, $"send at most {MaxBatch} items per request, not {count}");
        }

        return count is > 0 and <= MaxBatch;
    }

    public void Error(string path, string message) => Errors[path] = [.. Errors.GetValueOrDefault(path, []), message];

    private T Error<T>(string path, string message)
    {
        Error(path, message);
        return default!;
    }

    private static FieldValue? Value(JsonElement element, FieldType type) => element.ValueKind switch
    {
        JsonValueKind.Null => FieldValue.Missing,
        JsonValueKind.Number when type is FieldType.Number or FieldType.Text =>
            type == FieldType.Number
                ? FieldValue.OfNumber(element.GetDouble())
                : FieldValue.OfText(element.GetRawText()),
        JsonValueKind.True or JsonValueKind.False when type is FieldType.YesNo =>
            FieldValue.OfYesNo(element.GetBoolean()),
        JsonValueKind.String when ValueParser.TryParse(element.GetString(), type, out var parsed) => parsed,
        _ => null,
    };

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Number => "a number",
        FieldType.YesNo => "true or false",
        FieldType.Date => "a date (yyyy-mm-dd)",
        _ => "text",
    };
}
