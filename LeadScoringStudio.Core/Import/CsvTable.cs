using System.Text;

namespace LeadScoringStudio.Core.Import;

/// <summary>How a CSV file is written: its text encoding, the character between cells, and whether the first row names the columns.</summary>
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

/// <summary>A CSV file read into named columns and rows. <see cref="RowProblems"/> are the rows that could not be read
/// (a wrong number of cells, an unclosed quote, a value too long): they are not in <see cref="Rows"/>, and an import
/// of the file must list them as problems.</summary>
public sealed record CsvTable(string FileName, CsvFormat Format, IReadOnlyList<string> Columns, IReadOnlyList<CsvRow> Rows)
{
    public IReadOnlyList<ImportProblem> RowProblems { get; init; } = [];

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
}

/// <summary>Something wrong in an import file, where (file, line, column) and why, in words.</summary>
public sealed record ImportProblem(string File, int? Line, string? Column, string Reason)
{
    public override string ToString() =>
        $"{File}{(Line is { } line ? $", row {line}" : "")}{(Column is { } column ? $", column '{column}'" : "")}: {Reason}";
}

/// <summary>Reading a CSV file gives the table, or the problems that stop it being read.</summary>
public sealed record CsvReadResult(CsvTable? Table, IReadOnlyList<ImportProblem> Problems);
