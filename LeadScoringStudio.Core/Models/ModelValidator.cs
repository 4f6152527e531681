namespace LeadScoringStudio.Core.Models;

/// <summary>
/// Checks a model and returns every problem, each with the JSON path of the place in the model file
/// and a message a marketer can act on. Never throws.
/// </summary>
public static class ModelValidator
{
    public static IReadOnlyList<ModelProblem> Validate(ScoringModel model)
    {
        var problems = new List<ModelProblem>();
        void Problem(string path, string message) => problems.Add(new ModelProblem(path, message));

        if (string.IsNullOrWhiteSpace(model.Name))
        {
            Problem("$.name", "the model needs a name");
        }

        CheckUniqueNames(model.Fields.Select(f => f.Name), "$.fields", "name", "field", Problem);
        CheckUniqueNames(model.ActivityTypes.Select(t => t.Name), "$.activityTypes", "name", "activity type", Problem);
        CheckUniqueNames(model.Categories.Select(c => c.Id), "$.categories", "id", "category", Problem);
        CheckUniqueNames(model.Criteria.Select(c => c.Id), "$.criteria", "id", "criterion", Problem);
        CheckUniqueNames(model.Disqualifiers.Select(d => d.Id), "$.disqualifiers", "id", "disqualifier", Problem);

        for (var i = 0; i < model.Categories.Count; i++)
        {
            if (model.Categories[i].Cap is < 0)
            {
                Problem($"$.categories[{i}].cap", "a category cap cannot be negative");
            }
        }

        for (var i = 0; i < model.Criteria.Count; i++)
        {
            CheckCriterion(model, model.Criteria[i], $"$.criteria[{i}]", Problem);
        }

        for (var i = 0; i < model.Disqualifiers.Count; i++)
        {
            var disqualifier = model.Disqualifiers[i];
            var path = $"$.disqualifiers[{i}]";
            if (string.IsNullOrWhiteSpace(disqualifier.Reason))
            {
                Problem($"{path}.reason", "say why a matching lead is disqualified; sales will read it");
            }

            ConditionValidator.Check(model, disqualifier.When, path, Problem);
        }

        CheckRules(model, Problem);
        CheckBands(model.FitBands, "$.fitBands", "fit grade", ["1", "2", "3"], Problem);
        CheckBands(model.EngagementBands, "$.engagementBands", "engagement grade", ["A", "B", "C"], Problem);
        CheckActions(model, Problem);
        ModelLimits.Check(model, Problem);
        return problems;
    }

    private static void CheckUniqueNames(IEnumerable<string> names, string path, string key, string what,
        Action<string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problem($"{path}[{index}].{key}", $"every {what} needs a {key}");
            }
            else if (!seen.Add(name))
            {
                problem($"{path}[{index}].{key}", $"another {what} already uses the {key} '{name}'");
            }

            index++;
        }
    }

    private static void CheckCriterion(ScoringModel model, Criterion criterion, string path,
        Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(criterion.Label))
        {
            problem($"{path}.label", "give the criterion a label people will recognise");
        }

        if (criterion.Category is { } category && !model.Categories.Any(c => string.Equals(c.Id, category,
            StringComparison.OrdinalIgnoreCase)))
        {
            problem($"{path}.category", $"there is no category '{category}'");
        }

        Condition when = criterion is AttributeCriterion a ? a.When : ((ActivityCriterion)criterion).When;
        ConditionValidator.Check(model, when, path, problem);
        if (criterion is AttributeCriterion { AlsoWhen.Count: > 0 } combined)
        {
            for (var k = 0; k < combined.AlsoWhen.Count; k++)
            {
                ConditionValidator.Check(model, combined.AlsoWhen[k], $"{path}.and[{k}]", problem);
            }
        }

        if (criterion is not ActivityCriterion activity)
        {
            return;
        }

        if (activity.MaxOccurrences is < 1)
        {
            problem($"{path}.maxOccurrences", "count at least one occurrence, or leave the limit out");
        }

        if (activity.MaxPoints is < 0)
        {
            problem($"{path}.maxPoints", "a cap is a size and cannot be negative");
        }

        if (activity.LookbackDays is < 1)
        {
            problem($"{path}.lookbackDays", "look back at least one day, or leave the window out");
        }

        if (activity.Decay.Kind != DecayKind.None && activity.Decay.Days <= 0)
        {
            var what = activity.Decay.Kind == DecayKind.HalfLife ? "a half-life" : "a fade-out period";
            problem($"{path}.decay.days", $"{what} must be a positive number of days, not {activity.Decay.Days}");
        }
    }

    private static void CheckRules(ScoringModel model, Action<string, string> problem)
    {
        if (model.Inactivity is { } inactivity)
        {
            if (inactivity.Points > 0)
            {
                problem("$.inactivity.points", "inactivity takes points away: use a negative number such as -50");
            }

            if (inactivity.PeriodDays < 1)
            {
                problem("$.inactivity.periodDays", "the inactivity period must be at least one day");
            }

            if (inactivity.Floor > 0)
            {
                problem("$.inactivity.floor", "the floor is the most inactivity can take away: zero or a negative number");
            }
        }

        if (model.Completeness is { } completeness)
        {
            for (var i = 0; i < completeness.Fields.Count; i++)
            {
                if (model.FindField(completeness.Fields[i]) is null)
                {
                    problem($"$.completeness.fields[{i}]", $"there is no field '{completeness.Fields[i]}'");
                }
            }
        }

        foreach (var (name, limit) in new[] { ("fit", model.Limits.Fit), ("engagement", model.Limits.Engagement),
            ("total", model.Limits.Total) })
        {
            if (limit is { Min: { } min, Max: { } max } && min > max)
            {
                problem($"$.limits.{name}", $"the lowest allowed score ({min}) is above the highest ({max})");
            }
        }

        if (model.Recycling.CooldownDays < 0)
        {
            problem("$.recycling.cooldownDays", "the cool-down cannot be negative");
        }
    }

    private static void CheckBands(GradeBands bands, string path, string what, string[] grades,
        Action<string, string> problem)
    {
        if (!(bands.First > bands.Second && bands.Second > bands.Third))
        {
            problem(path, $"bands must increase: {what} {grades[2]} from {bands.Third}, {grades[1]} from {bands.Second}, {grades[0]} from {bands.First}");
        }
    }

    private static void CheckActions(ScoringModel model, Action<string, string> problem)
    {
        if (model.Actions.Count != 16)
        {
            problem("$.actions", $"the action matrix needs all 16 cells A1 to D4, it has {model.Actions.Count}");
            return;
        }

        foreach (var cell in Cell.All)
        {
            var action = model.Actions[cell.Index];
            if (string.IsNullOrWhiteSpace(action.Label))
            {
                problem($"$.actions.{cell}.label", $"say what sales or marketing does with a {cell} lead");
            }

            if (action.Priority < 1)
            {
                problem($"$.actions.{cell}.priority", "priority starts at 1 (first)");
            }

            if (action.SlaHours is < 0)
            {
                problem($"$.actions.{cell}.slaHours", "a response time cannot be negative");
            }
        }

        if (model.MqlCells.Count == 0)
        {
            problem("$.mqlCells", "mark at least one cell as MQL, or no lead ever reaches sales");
        }

        for (var i = 0; i < model.MqlCells.Count; i++)
        {
            var cell = model.MqlCells[i];
            if (model.MqlCells.Take(i).Contains(cell))
            {
                problem($"$.mqlCells[{i}]", $"{cell} is listed twice");
            }
            else if (model.Actions[cell.Index].Route == Route.Disqualify)
            {
                problem($"$.mqlCells[{i}]", $"{cell} is an MQL cell but its action disqualifies");
            }
        }
    }
}
