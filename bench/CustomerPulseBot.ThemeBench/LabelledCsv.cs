using System.Text;

namespace CustomerPulseBot.ThemeBench;

/// <summary>A <c>text,label</c> file with a header row, read as RFC 4180 says (quoted fields, doubled quotes, line breaks in quotes).</summary>
internal static class LabelledCsv
{
    public static List<(string Text, string Label)> Read(string path)
    {
        var rows = Records(File.ReadAllText(path)).ToList();
        if (rows.Count == 0 || rows[0].Count < 2 || rows[0][0] != "text" || rows[0][1] != "label")
        {
            throw new InvalidDataException($"{path}: the first row must be the header text,label.");
        }

        return rows.Skip(1)
            .Where(r => !(r.Count == 1 && r[0].Length == 0))
            .Select((r, i) => r.Count == 2 ? (r[0], r[1]) : throw new InvalidDataException($"{path}: record {i + 2} has {r.Count} fields, not 2."))
            .ToList();
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                for (i++; ; i++)
                {
                    if (i >= text.Length)
                    {
                        throw new InvalidDataException("A quoted field is not closed.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            i++;
                            break;
                        }
                    }
                    else
                    {
                        field.Append(text[i]);
                    }
                }
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
