using System.Text;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Import;

/// <summary>
/// Splits CSV text into rows of cells (RFC 4180) as it reads, one row at a time: cells may be quoted, a quote inside a
/// quoted cell is doubled, quoted cells may hold delimiters and line breaks. Rows carry their starting line number.
/// A cell keeps at most <see cref="InputLimits.MaxTextLength"/> + 1 characters (enough to tell it is too long), so
/// an unclosed quote in a big file costs no more memory than one long cell.
/// </summary>
internal static class CsvParser
{
    private const int MaxCell = InputLimits.MaxTextLength + 1;

    public static IEnumerable<CsvRow> Parse(TextReader reader, char delimiter, Action<int, string> problem)
    {
        var text = new CharSource(reader);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var cellWasQuoted = false;
        var endedWithNewline = false;

        void EndCell()
        {
            cells.Add(cellWasQuoted ? cell.ToString() : cell.ToString().Trim());
            cell.Clear();
            cellWasQuoted = false;
        }

        void Append(char c)
        {
            if (cell.Length < MaxCell)
            {
                cell.Append(c);
            }
        }

        while (text.Next() is { } c)
        {
            endedWithNewline = c == '\n';
            if (quoted)
            {
                if (c == '"' && text.Peek() == '"')
                {
                    Append('"');
                    text.Next();
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

                    Append(c);
                }
            }
            else if (c == '"' && IsBlank(cell))
            {
                cell.Clear();
                quoted = true;
                cellWasQuoted = true;
            }
            else if (c == delimiter)
            {
                EndCell();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && text.Peek() == '\n')
                {
                    text.Next();
                    endedWithNewline = true;
                }

                EndCell();
                if (!(cells.Count == 1 && cells[0].Length == 0))
                {
                    yield return new CsvRow(rowLine, cells.ToList());
                }

                cells.Clear();
                line++;
                rowLine = line;
            }
            else
            {
                Append(c);
            }
        }

        if (quoted)
        {
            var lastLine = endedWithNewline ? line - 1 : line;
            problem(rowLine, rowLine == lastLine
                ? "has a quote (\") that is never closed"
                : $"has a quote (\") that is never closed, so rows {rowLine} to {lastLine} cannot be read");
            yield break;
        }

        EndCell();
        if (!(cells.Count == 1 && cells[0].Length == 0))
        {
            yield return new CsvRow(rowLine, cells.ToList());
        }
    }

    private static bool IsBlank(StringBuilder cell)
    {
        for (var i = 0; i < cell.Length; i++)
        {
            if (!char.IsWhiteSpace(cell[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Characters from a reader, a block at a time, with one character of look-ahead.</summary>
    private sealed class CharSource(TextReader reader)
    {
        private readonly char[] _buffer = new char[1 << 16];
        private int _length;
        private int _at;

        public char? Next() => Fill() ? _buffer[_at++] : null;

        public char? Peek() => Fill() ? _buffer[_at] : null;

        private bool Fill()
        {
            if (_at < _length)
            {
                return true;
            }

            (_length, _at) = (reader.Read(_buffer, 0, _buffer.Length), 0);
            return _length > 0;
        }
    }
}
