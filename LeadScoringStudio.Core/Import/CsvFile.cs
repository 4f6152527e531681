using System.Globalization;
using System.Text;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>
/// Opens an uploaded CSV file whatever its dialect: detects the encoding (byte-order mark, else UTF-8,
/// else Windows Latin), the delimiter (comma, semicolon, tab or bar), and whether there is a header, from the start of
/// the file. Refuses empty, oversized, too wide and non-text files. The rows are read later, one at a time (see
/// <see cref="CsvTable.ReadRows"/>), which also reports rows with the wrong number of cells.
/// </summary>
public static class CsvFile
{
    public const long DefaultMaxBytes = 500L * 1024 * 1024;

    private const int SampleBytes = 64 * 1024;

    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    /// <summary>Opens a file held in memory (tests, small files).</summary>
    public static CsvReadResult Read(string fileName, byte[] bytes, long maxBytes = DefaultMaxBytes) =>
        Open(fileName, () => new MemoryStream(bytes, writable: false), maxBytes);

    /// <summary>Opens a file that <paramref name="open"/> gives a fresh stream of each time it is read.</summary>
    public static CsvReadResult Open(string fileName, Func<Stream> open, long maxBytes = DefaultMaxBytes)
    {
        CsvReadResult Refused(string reason) => new(null, [new ImportProblem(fileName, null, null, reason)]);

        long length;
        byte[] head;
        using (var stream = open())
        {
            length = stream.Length;
            head = new byte[(int)Math.Min(length, SampleBytes)];
            stream.ReadExactly(head);
        }

        if (length > maxBytes)
        {
            return Refused($"the file is {Megabytes(length)} MB; files up to {Megabytes(maxBytes)} MB can be imported");
        }

        if (head is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            return Refused("this is a spreadsheet (xlsx) or zip file, not CSV: save it as CSV first");
        }

        var encoding = EncodingOf(head, open);
        var sample = encoding.GetString(head, Preamble(head), head.Length - Preamble(head));
        if (string.IsNullOrWhiteSpace(sample) && length == head.Length)
        {
            return Refused("the file is empty");
        }

        if (LooksBinary(sample))
        {
            return Refused("this is not a CSV text file (it contains binary data)");
        }

        var delimiter = DetectDelimiter(sample);
        List<CsvRow> first;
        using (var reader = new StreamReader(open(), encoding, detectEncodingFromByteOrderMarks: true))
        {
            first = CsvParser.Parse(reader, delimiter, (_, _) => { }).Take(1).ToList();
        }

        if (first.Count == 0)
        {
            return Refused("the file has no rows");
        }

        var hasHeader = LooksLikeHeader(first[0].Cells);
        var columns = hasHeader
            ? first[0].Cells.Select((c, i) => string.IsNullOrWhiteSpace(c) ? $"Column {i + 1}" : c.Trim()).ToList()
            : Enumerable.Range(1, first[0].Cells.Count).Select(i => $"Column {i}").ToList();
        if (columns.Count > InputLimits.MaxColumns)
        {
            return Refused($"the file has {columns.Count:N0} columns; at most {InputLimits.MaxColumns:N0} can be " +
                "imported, so leave out the columns you do not need");
        }

        var table = new CsvTable(fileName, length, new CsvFormat(encoding, delimiter, hasHeader), columns, open);
        if (table.Preview.Count == 0 && !HasRowProblems(table))
        {
            return Refused("the file has a header but no data rows");
        }

        return new CsvReadResult(table, []);
    }

    private static bool HasRowProblems(CsvTable table)
    {
        var any = false;
        foreach (var _ in table.ReadRows(_ => any = true))
        {
        }

        return any;
    }

    /// <summary>The byte-order mark's encoding, else UTF-8 when every byte of the file reads as UTF-8, else Windows
    /// Latin.</summary>
    private static Encoding EncodingOf(byte[] head, Func<Stream> open)
    {
        if (head is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8;
        }

        if (head is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode;
        }

        if (head is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode;
        }

        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[SampleBytes];
        var chars = new char[SampleBytes + 4];
        using var stream = open();
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
    }

    private static int Preamble(byte[] head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => 3,
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => 2,
        _ => 0,
    };

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

    /// <summary>The delimiter that splits the first lines into the same number of cells, the most cells
    /// winning.</summary>
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
        cells.All(c => c.Trim().Length > 0 && !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture,
            out _) && !DateTime.TryParse(c, CultureInfo.InvariantCulture, out _))
        && cells.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == cells.Count;

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0)
        .ToString("0.#", CultureInfo.InvariantCulture);
}
