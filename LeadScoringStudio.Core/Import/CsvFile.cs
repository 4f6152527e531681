using System.Globalization;
using System.Text;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>
/// Reads an uploaded CSV file whatever its dialect: detects the encoding (byte-order mark, else UTF-8,
/// else Windows Latin), the delimiter (comma, semicolon, tab or bar), and whether there is a header.
/// Refuses empty, oversized and non-text files, and reports rows with the wrong number of cells.
/// </summary>
public static class CsvFile
{
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    public static CsvReadResult Read(string fileName, byte[] bytes, long maxBytes = DefaultMaxBytes)
    {
        ImportProblem Problem(string reason, int? line = null) => new(fileName, line, null, reason);

        if (bytes.Length > maxBytes)
        {
            return new CsvReadResult(null, [Problem($"the file is {Megabytes(bytes.Length)} MB; files up to {Megabytes(maxBytes)} MB can be imported")]);
        }

        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            return new CsvReadResult(null, [Problem("this is a spreadsheet (xlsx) or zip file, not CSV: save it as CSV first")]);
        }

        var (text, encoding) = Decode(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new CsvReadResult(null, [Problem("the file is empty")]);
        }

        if (LooksBinary(text))
        {
            return new CsvReadResult(null, [Problem("this is not a CSV text file (it contains binary data)")]);
        }

        var delimiter = DetectDelimiter(text);
        var parseProblems = new List<(int Line, string Reason)>();
        var rows = CsvParser.Parse(text, delimiter, parseProblems);
        var problems = parseProblems.Select(p => Problem(p.Reason, p.Line)).ToList();
        if (rows.Count == 0)
        {
            return new CsvReadResult(null, [Problem("the file has no rows")]);
        }

        var hasHeader = LooksLikeHeader(rows[0].Cells);
        var columns = hasHeader
            ? rows[0].Cells.Select((c, i) => string.IsNullOrWhiteSpace(c) ? $"Column {i + 1}" : c.Trim()).ToList()
            : Enumerable.Range(1, rows[0].Cells.Count).Select(i => $"Column {i}").ToList();
        if (columns.Count > InputLimits.MaxColumns)
        {
            return new CsvReadResult(null, [Problem($"the file has {columns.Count:N0} columns; at most {InputLimits.MaxColumns:N0} can be imported, so leave out the columns you do not need")]);
        }

        var data = new List<CsvRow>();
        foreach (var row in rows.Skip(hasHeader ? 1 : 0))
        {
            if (row.Cells.Count == 1 && string.IsNullOrWhiteSpace(row.Cells[0]))
            {
                continue;
            }

            if (row.Cells.Count != columns.Count)
            {
                problems.Add(Problem($"has {row.Cells.Count} cells but the header has {columns.Count} columns", row.Line));
                continue;
            }

            if (row.Cells.Select((cell, i) => (Problem: InputLimits.TextProblem(cell), Column: columns[i]))
                .FirstOrDefault(c => c.Problem is not null) is { Problem: { } tooLong, Column: var column })
            {
                problems.Add(new ImportProblem(fileName, row.Line, column, $"the value {tooLong}"));
                continue;
            }

            data.Add(row);
        }

        if (data.Count == 0 && problems.Count == 0)
        {
            problems.Add(Problem("the file has a header but no data rows"));
        }

        return new CsvReadResult(new CsvTable(fileName, new CsvFormat(encoding, delimiter, hasHeader), columns, data)
        {
            RowProblems = problems.Where(p => p.Line is not null).ToList(),
        }, problems);
    }

    private static (string Text, Encoding Encoding) Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Encoding.UTF8);
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), Encoding.Unicode);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), Encoding.BigEndianUnicode);
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), Encoding.UTF8);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.Latin1.GetString(bytes), Encoding.Latin1);
        }
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
            {
                control++;
            }
        }

        return control > sample.Length / 20;
    }

    /// <summary>The delimiter that splits the first lines into the same number of cells, the most cells winning.</summary>
    private static char DetectDelimiter(string text)
    {
        var lines = text.Split('\n', 21).Take(20).Where(l => l.Trim().Length > 0).ToList();
        return Delimiters
            .Select(d => (Delimiter: d, Counts: lines.Select(l => CountOutsideQuotes(l, d)).ToList()))
            .Where(c => c.Counts[0] > 0)
            .OrderByDescending(c => c.Counts.Count(n => n == c.Counts[0]))
            .ThenByDescending(c => c.Counts[0])
            .Select(c => c.Delimiter)
            .DefaultIfEmpty(',')
            .First();
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A first row of distinct names, none of them a number or a date, is a header.</summary>
    private static bool LooksLikeHeader(IReadOnlyList<string> cells) =>
        cells.All(c => c.Trim().Length > 0 && !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !DateTime.TryParse(c, CultureInfo.InvariantCulture, out _))
        && cells.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == cells.Count;

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
}
