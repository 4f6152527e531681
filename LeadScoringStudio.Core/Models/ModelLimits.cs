namespace LeadScoringStudio.Core.Models;

/// <summary>
/// How big a model may be. A model is opened by everyone in the room and scored on every edit, so a file with ten
/// thousand criteria, a megabyte label or points near <see cref="int.MaxValue"/> (which overflow a lead's sum) is
/// refused at the door with the place named, like any other problem.
/// </summary>
public static class ModelLimits
{
    public const int MaxFileBytes = 1024 * 1024;

    public const int MaxDepth = 32;

    public const int MaxCriteria = 500;

    public const int MaxDisqualifiers = 200;

    public const int MaxFields = 2_000;

    public const int MaxActivityTypes = 500;

    public const int MaxCategories = 100;

    public const int MaxConditionsPerCriterion = 20;

    public const int MaxValuesPerCondition = 1_000;

    /// <summary>Names, labels, reasons and values.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Points of one criterion or rule, either way.</summary>
    public const int MaxPoints = 1_000;

    /// <summary>Caps, watermarks, score limits and band thresholds, either way.</summary>
    public const int MaxScore = 1_000_000;

    internal static void Check(ScoringModel model, Action<string, string> problem)
    {
        Count(model.Criteria.Count, MaxCriteria, "$.criteria", "criteria", problem);
        Count(model.Disqualifiers.Count, MaxDisqualifiers, "$.disqualifiers", "disqualifiers", problem);
        Count(model.Fields.Count, MaxFields, "$.fields", "fields", problem);
        Count(model.ActivityTypes.Count, MaxActivityTypes, "$.activityTypes", "activity types", problem);
        Count(model.Categories.Count, MaxCategories, "$.categories", "categories", problem);
        Text(model.Name, "$.name", problem);
        for (var i = 0; i < model.Fields.Count; i++)
        {
            Text(model.Fields[i].Name, $"$.fields[{i}].name", problem);
            Text(model.Fields[i].Label, $"$.fields[{i}].label", problem);
        }

        for (var i = 0; i < model.ActivityTypes.Count; i++)
        {
            Text(model.ActivityTypes[i].Name, $"$.activityTypes[{i}].name", problem);
            Text(model.ActivityTypes[i].Label, $"$.activityTypes[{i}].label", problem);
        }

        for (var i = 0; i < model.Categories.Count; i++)
        {
            Text(model.Categories[i].Label, $"$.categories[{i}].label", problem);
            Score(model.Categories[i].Watermark, $"$.categories[{i}].watermark", problem);
            Score(model.Categories[i].Cap, $"$.categories[{i}].cap", problem);
        }

        for (var i = 0; i < model.Criteria.Count; i++)
        {
            CheckCriterion(model.Criteria[i], $"$.criteria[{i}]", problem);
        }

        for (var i = 0; i < model.Disqualifiers.Count; i++)
        {
            Text(model.Disqualifiers[i].Reason, $"$.disqualifiers[{i}].reason", problem);
            Values(model.Disqualifiers[i].When, $"$.disqualifiers[{i}]", problem);
        }

        Points(model.Inactivity?.Points, "$.inactivity.points", problem);
        Score(model.Inactivity?.Floor, "$.inactivity.floor", problem);
        Points(model.Completeness?.Points, "$.completeness.points", problem);
        foreach (var (name, limit) in new[] { ("fit", model.Limits.Fit), ("engagement", model.Limits.Engagement),
            ("total", model.Limits.Total) })
        {
            Score(limit.Min, $"$.limits.{name}.min", problem);
            Score(limit.Max, $"$.limits.{name}.max", problem);
        }

        foreach (var (path, bands) in new[] { ("$.fitBands", model.FitBands),
            ("$.engagementBands", model.EngagementBands) })
        {
            Score(bands.First, $"{path}.first", problem);
            Score(bands.Second, $"{path}.second", problem);
            Score(bands.Third, $"{path}.third", problem);
        }

        foreach (var cell in Cell.All.Where(c => c.Index < model.Actions.Count))
        {
            Text(model.Actions[cell.Index].Label, $"$.actions.{cell}.label", problem);
        }
    }

    private static void CheckCriterion(Criterion criterion, string path, Action<string, string> problem)
    {
        Text(criterion.Id, $"{path}.id", problem);
        Text(criterion.Label, $"{path}.label", problem);
        Points(criterion.BasePoints, $"{path}.points", problem);
        if (criterion is AttributeCriterion attribute)
        {
            Values(attribute.When, path, problem);
            Count(attribute.AlsoWhen.Count, MaxConditionsPerCriterion, $"{path}.and", "conditions", problem);
            for (var k = 0; k < Math.Min(attribute.AlsoWhen.Count, MaxConditionsPerCriterion); k++)
            {
                Values(attribute.AlsoWhen[k], $"{path}.and[{k}]", problem);
            }
        }
        else if (criterion is ActivityCriterion activity)
        {
            Values(activity.When, path, problem);
            Score(activity.MaxPoints, $"{path}.maxPoints", problem);
        }
    }

    private static void Values(Condition condition, string path, Action<string, string> problem)
    {
        var lists = condition switch
        {
            AttributeCondition a => [(a.Values, $"{path}.attribute.values")],
            ActivityCondition a => a.Filters.Select((f, i) => (f.Values, $"{path}.activity.filters[{i}].values"))
                .ToList(),
            _ => new List<(ValueList<string> Values, string Path)>(),
        };
        foreach (var (values, valuesPath) in lists)
        {
            Count(values.Count, MaxValuesPerCondition, valuesPath, "values", problem);
            foreach (var (value, i) in values.Take(MaxValuesPerCondition).Select((v, i) => (v, i)))
            {
                Text(value, $"{valuesPath}[{i}]", problem);
            }
        }
    }

    private static void Count(int count, int max, string path, string what, Action<string, string> problem)
    {
        if (count > max)
        {
            problem(path, $"the model has {count:N0} {what}; at most {max:N0} are allowed");
        }
    }

    private static void Text(string? text, string path, Action<string, string> problem)
    {
        if (text is { Length: > MaxTextLength })
        {
            problem(path, $"this is {text.Length:N0} characters long; keep it to {MaxTextLength} or fewer");
        }
    }

    private static void Points(int? points, string path, Action<string, string> problem)
    {
        if (points is < -MaxPoints or > MaxPoints)
        {
            problem(path, $"{points:N0} points is beyond the range of -{MaxPoints:N0} to {MaxPoints:N0}");
        }
    }

    private static void Score(int? score, string path, Action<string, string> problem)
    {
        if (score is < -MaxScore or > MaxScore)
        {
            problem(path, $"{score:N0} is beyond the range of -{MaxScore:N0} to {MaxScore:N0}");
        }
    }
}
