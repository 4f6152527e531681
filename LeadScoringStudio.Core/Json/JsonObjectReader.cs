using System.Text.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Json;

/// <summary>
/// Reads the properties of one JSON object, noting a problem (with its path) for anything missing,
/// of the wrong kind, or unknown, and handing back a placeholder so reading can go on and find the
/// file's other problems too.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<ModelProblem> _problems;
    private readonly HashSet<string> _known = [];

    public JsonObjectReader(JsonElement element, string path, List<ModelProblem> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(path, $"expected an object {{ … }} here, found {Describe(element)}");
        }
    }

    public string Path { get; }

    public void Problem(string path, string message) => _problems.Add(new ModelProblem(path, message));

    public bool Has(string name) => TryGet(name, out _);

    public string String(string name) =>
        Read(name, JsonValueKind.String, "text", e => e.GetString()!, "", required: true);

    public string? OptionalString(string name) =>
        Read<string?>(name, JsonValueKind.String, "text", e => e.GetString(), null, required: false);

    public int Int(string name) => Read(name, JsonValueKind.Number, "a whole number", ReadInt, 0, required: true);

    public int? OptionalInt(string name) =>
        Read<int?>(name, JsonValueKind.Number, "a whole number", e => ReadInt(e), null, required: false);

    public T Enum<T>(string name, string what) where T : struct, System.Enum
    {
        var text = String(name);
        if (TryGet(name, out var element) && element.ValueKind == JsonValueKind.String && !EnumNames.TryParse<T>(text, out _))
        {
            Problem($"{Path}.{name}", $"unknown {what} '{text}'; use one of: {string.Join(", ", EnumNames.All<T>())}");
        }

        return EnumNames.TryParse<T>(text, out var value) ? value : default;
    }

    public ValueList<string> Strings(string name, bool required = true) =>
        Array(name, (element, path) =>
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString()!;
            }

            Problem(path, $"expected text here, found {Describe(element)}");
            return "";
        }, required);

    public JsonObjectReader? Object(string name, bool required = true)
    {
        if (TryGet(name, out var element))
        {
            return new JsonObjectReader(element, $"{Path}.{name}", _problems);
        }

        if (required)
        {
            Problem($"{Path}.{name}", "this setting is missing");
        }

        return null;
    }

    public ValueList<T> Objects<T>(string name, Func<JsonObjectReader, T> readItem, bool required = true) =>
        Array(name, (element, path) => readItem(new JsonObjectReader(element, path, _problems)), required);

    /// <summary>Reports the properties of this object that no one asked for: usually typos.</summary>
    public void ReportUnknownProperties()
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in _element.EnumerateObject().Where(p => !_known.Contains(p.Name)))
        {
            Problem($"{Path}.{property.Name}", $"'{property.Name}' is not a known setting here");
        }
    }

    private ValueList<T> Array<T>(string name, Func<JsonElement, string, T> readItem, bool required)
    {
        if (!TryGet(name, out var element))
        {
            if (required)
            {
                Problem($"{Path}.{name}", "this list is missing");
            }

            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            Problem($"{Path}.{name}", $"expected a list [ … ] here, found {Describe(element)}");
            return [];
        }

        return element.EnumerateArray().Select((item, i) => readItem(item, $"{Path}.{name}[{i}]")).ToValueList();
    }

    private T Read<T>(string name, JsonValueKind kind, string what, Func<JsonElement, T> read, T placeholder, bool required)
    {
        if (!TryGet(name, out var element) || (!required && element.ValueKind == JsonValueKind.Null))
        {
            if (required)
            {
                Problem($"{Path}.{name}", "this setting is missing");
            }

            return placeholder;
        }

        if (element.ValueKind != kind || (kind == JsonValueKind.Number && !element.TryGetInt32(out _)))
        {
            Problem($"{Path}.{name}", $"expected {what} here, found {Describe(element)}");
            return placeholder;
        }

        return read(element);
    }

    private bool TryGet(string name, out JsonElement element)
    {
        _known.Add(name);
        element = default;
        return _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(name, out element);
    }

    private static int ReadInt(JsonElement element) => element.GetInt32();

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
