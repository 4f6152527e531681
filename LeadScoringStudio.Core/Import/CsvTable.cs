using System.Text;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>How a CSV file is written: its text encoding, the character between cells, and whether the first row names
/// the columns.</summary>
public sealed record CsvFormat(Encoding Encoding, char Delimiter, bool HasHeader)
{
    public string DelimiterName => Delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "vertical bar",
        _ => $"'{Delimiter}'",
    };
}

/// <summary>One data row of a CSV file, with its line number in the file (the header is line 1).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// A CSV file opened for reading: its name, size, format and columns, and its first rows for a preview. Its data rows
/// are read afresh from the file every time <see cref="ReadRows"/> is enumerated, one at a time, so a file of a
/// million rows costs the memory of one row, however often it is read.
/// </summary>
public sealed class CsvTable
{
    private readonly Func<Stream> _open;

    internal CsvTable(string fileName, long bytes, CsvFormat format, IReadOnlyList<string> columns, Func<Stream> open)
    {
        (FileName, Bytes, Format, Columns, _open) = (fileName, bytes, format, columns, open);
        Preview = ReadRows().Take(3).ToList();
    }

    public string FileName { get; }

    public long Bytes { get; }

    public CsvFormat Format { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The first three data rows that could be read.</summary>
    public IReadOnlyList<CsvRow> Preview { get; }

    /// <summary>
    /// The data rows that can be read, in order. A row that cannot (a wrong number of cells, an unclosed quote, a value
    /// too long) is left out and reported to <paramref name="problem"/>, with its line.
    /// </summary>
    public IEnumerable<CsvRow> ReadRows(Action<ImportProblem>? problem = null)
    {
        using var stream = _open();
        using var reader = new StreamReader(stream, Format.Encoding, detectEncodingFromByteOrderMarks: true);
        var rows = CsvParser.Parse(reader, Format.Delimiter,
            (line, reason) => problem?.Invoke(new ImportProblem(FileName, line, null, reason)));
        foreach (var row in Format.HasHeader ? rows.Skip(1) : rows)
        {
            if (row.Cells.Count == 1 && string.IsNullOrWhiteSpace(row.Cells[0]))
            {
                continue;
            }

            if (row.Cells.Count != Columns.Count)
            {
                problem?.Invoke(new ImportProblem(FileName, row.Line, null,
                    $"has {row.Cells.Count} cells but the header has {Columns.Count} columns"));
                continue;
            }

            var tooLong = IndexOfTooLong(row.Cells);
            if (tooLong >= 0)
            {
                problem?.Invoke(new ImportProblem(FileName, row.Line, Columns[tooLong],
                    $"the value is more than {InputLimits.MaxTextLength:N0} characters long"));
                continue;
            }

            yield return row;
        }
    }

    /// <summary>The position of a column by name (any case), or -1.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfTooLong(IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Length > InputLimits.MaxTextLength)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Something wrong in an import file, where (file, line, column) and why, in words.</summary>
public sealed record ImportProblem(string File, int? Line, string? Column, string Reason)
{
    public override string ToString() =>
        $"{File}{(Line is { } line ? $", row {line}" : "")}{(Column is { } column ? $", column '{column}'" : "")}: {Reason}";
}

/// <summary>Opening a CSV file gives the table, or the problems that stop it being read.</summary>
public sealed record CsvReadResult(CsvTable? Table, IReadOnlyList<ImportProblem> Problems);
