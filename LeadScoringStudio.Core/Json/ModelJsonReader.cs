using System.Text.Json;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Json;

/// <summary>Reads a model file into a model, noting every structural problem on the way (see <see
/// cref="JsonObjectReader"/>).</summary>
internal static class ModelJsonReader
{
    public static ScoringModel Read(JsonElement root, List<ModelProblem> problems)
    {
        var json = new JsonObjectReader(root, "$", problems);
        var version = json.Int("schemaVersion");
        if (json.Has("schemaVersion") && version != ScoringModel.CurrentSchemaVersion)
        {
            json.Problem("$.schemaVersion", $"this studio reads model files of schema version {ScoringModel.CurrentSchemaVersion}, this one is version {version}");
        }

        var model = new ScoringModel
        {
            Name = json.String("name"),
            Fields = json.Objects("fields", f => Done(f, new FieldDefinition(f.String("name"), f.String("label"),
                f.Enum<FieldType>("type", "field type")))),
            ActivityTypes = json.Objects("activityTypes", t =>
                Done(t, new ActivityTypeDefinition(t.String("name"), t.String("label")))),
            Categories = json.Objects("categories", c =>
                Done(c, new Category(c.String("id"), c.String("label"), c.Int("watermark"), c.OptionalInt("cap"))),
                required: false),
            Criteria = json.Objects("criteria", ReadCriterion),
            Disqualifiers = json.Objects("disqualifiers", d =>
                Done(d, new Disqualifier(d.String("id"), d.String("reason"), ReadCondition(d))), required: false),
            Inactivity = json.Object("inactivity", required: false) is { } i ? Done(i,
                new InactivityRule(i.Int("points"), i.Int("periodDays"), i.Int("floor"))) : null,
            Completeness = json.Object("completeness", required: false) is { } c ? Done(c,
                new CompletenessRule(c.Int("points"), c.Strings("fields"))) : null,
            Limits = json.Object("limits", required: false) is { } l ? Done(l,
                new ScoreLimits(ReadLimit(l, "fit"), ReadLimit(l, "engagement"),
                ReadLimit(l, "total"))) : ScoreLimits.None,
            FitBands = ReadBands(json, "fitBands"),
            EngagementBands = ReadBands(json, "engagementBands"),
            Actions = ReadActions(json),
            MqlCells = ReadCells(json),
            Recycling = json.Object("recycling", required: false) is { } r ? Done(r,
                new RecyclingRule(r.Int("cooldownDays"))) : new RecyclingRule(30),
        };
        json.ReportUnknownProperties();
        return model;
    }

    private static T Done<T>(JsonObjectReader json, T value)
    {
        json.ReportUnknownProperties();
        return value;
    }

    private static Criterion ReadCriterion(JsonObjectReader json)
    {
        var id = json.String("id");
        var label = json.String("label");
        var dimension = json.Enum<Dimension>("dimension", "dimension");
        var category = json.OptionalString("category");
        Criterion criterion = ReadCondition(json) switch
        {
            ActivityCondition activity => new ActivityCriterion(
                id, label, dimension, category, activity,
                json.Int("pointsPerOccurrence"),
                json.OptionalInt("maxOccurrences"),
                json.OptionalInt("maxPoints"),
                json.OptionalInt("lookbackDays"),
                json.Object("decay", required: false) is { } d ? Done(d,
                    new Decay(d.Enum<DecayKind>("kind", "decay"), d.Int("days"))) : Decay.None),
            var attribute => new AttributeCriterion(id, label, dimension, category, (AttributeCondition)attribute,
                json.Int("points"))
            {
                AlsoWhen = json.Objects("and", also => Done(also, ReadAlso(also)), required: false),
            },
        };
        return Done(json, criterion);
    }

    /// <summary>Reads one further condition of a combined criterion: only attributes combine.</summary>
    private static AttributeCondition ReadAlso(JsonObjectReader json)
    {
        if (ReadCondition(json) is AttributeCondition attribute)
        {
            return attribute;
        }

        json.Problem(json.Path, "an \"and\" condition looks at an \"attribute\"; activities cannot be combined");
        return new AttributeCondition("", Operator.IsPresent, []);
    }

    /// <summary>Reads the "attribute" or the "activity" a criterion or disqualifier looks for.</summary>
    private static Condition ReadCondition(JsonObjectReader json)
    {
        if (json.Has("activity"))
        {
            var activity = json.Object("activity")!;
            return Done(activity, new ActivityCondition(
                activity.String("type"),
                activity.Objects("filters", f => Done(f, new PropertyFilter(f.String("property"),
                    f.Enum<Operator>("operator", "operator"), f.Strings("values"))), required: false)));
        }

        if (!json.Has("attribute"))
        {
            json.Problem(json.Path, "say what to look for: an \"attribute\" (field, operator, values) or an \"activity\" (type, filters)");
            return new AttributeCondition("", Operator.IsPresent, []);
        }

        var attribute = json.Object("attribute")!;
        return Done(attribute, new AttributeCondition(attribute.String("field"),
            attribute.Enum<Operator>("operator", "operator"), attribute.Strings("values")));
    }

    private static ScoreLimit ReadLimit(JsonObjectReader json, string name) =>
        json.Object(name, required: false) is { } limit ? Done(limit,
            new ScoreLimit(limit.OptionalInt("min"), limit.OptionalInt("max"))) : ScoreLimit.None;

    private static GradeBands ReadBands(JsonObjectReader json, string name) =>
        json.Object(name) is { } bands ? Done(bands,
            new GradeBands(bands.Int("first"), bands.Int("second"), bands.Int("third"))) : new GradeBands(3, 2, 1);

    private static ValueList<CellAction> ReadActions(JsonObjectReader json)
    {
        var actions = json.Object("actions");
        if (actions is null)
        {
            return [];
        }

        var result = Cell.All.Select(cell =>
        {
            if (actions.Object(cell.ToString(), required: false) is not { } action)
            {
                actions.Problem($"{actions.Path}.{cell}", $"the action for cell {cell} is missing; every cell A1 to D4 needs one");
                return new CellAction(cell.ToString(), Route.Nurture, 1, null);
            }

            return Done(action, new CellAction(action.String("label"), action.Enum<Route>("route", "route"),
                action.Int("priority"), action.OptionalInt("slaHours")));
        }).ToValueList();
        actions.ReportUnknownProperties();
        return result;
    }

    private static ValueList<Cell> ReadCells(JsonObjectReader json)
    {
        var names = json.Strings("mqlCells");
        var cells = new List<Cell>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Cell.TryParse(names[i], out var cell))
            {
                cells.Add(cell);
            }
            else
            {
                json.Problem($"$.mqlCells[{i}]", $"'{names[i]}' is not a cell; cells run from A1 to D4");
            }
        }

        return cells.ToValueList();
    }
}
