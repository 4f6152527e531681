using System.Text;

namespace LeadScoringStudio.Core.Import;

/// <summary>
/// Splits CSV text into rows of cells (RFC 4180): cells may be quoted, a quote inside a quoted cell is
/// doubled, quoted cells may hold delimiters and line breaks. Rows carry their starting line number.
/// </summary>
internal static class CsvParser
{
    public static List<CsvRow> Parse(string text, char delimiter, List<(int Line, string Reason)> problems)
    {
        var rows = new List<CsvRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var cellWasQuoted = false;

        void EndCell()
        {
            cells.Add(cellWasQuoted ? cell.ToString() : cell.ToString().Trim());
            cell.Clear();
            cellWasQuoted = false;
        }

        void EndRow()
        {
            EndCell();
            if (!(cells.Count == 1 && cells[0].Length == 0))
            {
                rows.Add(new CsvRow(rowLine, cells.ToList()));
            }

            cells.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
                cellWasQuoted = true;
            }
            else if (c == delimiter)
            {
                EndCell();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRow();
                line++;
                rowLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            var lastLine = text.EndsWith('\n') ? line - 1 : line;
            problems.Add((rowLine, rowLine == lastLine
                ? "has a quote (\") that is never closed"
                : $"has a quote (\") that is never closed, so rows {rowLine} to {lastLine} cannot be read"));
            return rows;
        }

        EndRow();
        return rows;
    }
}
