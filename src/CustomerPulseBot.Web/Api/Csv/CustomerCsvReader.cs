using System.Globalization;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// Reads a customers CSV: <c>name,aliases,segment,plan,arr,owner</c> in any order, only the name required; aliases
/// separated by <c>;</c>, the segment one of the signal segments, arr a plain number (a dot for decimals, no grouping).
/// </summary>
internal static class CustomerCsvReader
{
    public static readonly IReadOnlyList<string> Columns =
        [CustomerField.Name, CustomerField.Aliases, CustomerField.Segment, CustomerField.Plan, CustomerField.Arr, CustomerField.Owner];

    public static async Task<CustomerSheet> ReadAsync(Stream body, int maxRows, CancellationToken ct)
    {
        var customers = new List<CustomerProfile>();
        var lines = new List<int>();
        var errors = new List<RowError>();
        await foreach (var (line, cells) in CsvInput.ReadAsync(body, Columns, CustomerField.Name, maxRows, ct))
        {
            string? Cell(string column) => cells[CsvInput.PlaceOf(Columns, column)]?.Trim() is { Length: > 0 } text ? text : null;
            void Check(string column, string? text)
            {
                if (text is { Length: > SignalVocabulary.MaxCustomerLength })
                {
                    errors.Add(new RowError(line, column, $"The {column} is {text.Length:N0} characters long; the limit is {SignalVocabulary.MaxCustomerLength:N0}."));
                }
            }

            var name = Cell(CustomerField.Name);
            if (name is null)
            {
                errors.Add(new RowError(line, CustomerField.Name, "The name is empty: every customer needs one."));
            }

            var aliases = Cell(CustomerField.Aliases)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            var segment = Cell(CustomerField.Segment)?.ToLowerInvariant();
            if (segment is not null && !SignalVocabulary.Segments.Contains(segment))
            {
                errors.Add(new RowError(line, CustomerField.Segment,
                    $"\"{Shorten(segment)}\" is not a segment I know. Use one of: {string.Join(", ", SignalVocabulary.Segments)}."));
            }

            var arrText = Cell(CustomerField.Arr);
            decimal? arr = null;
            if (arrText is not null)
            {
                if (decimal.TryParse(arrText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    arr = value;
                }
                else
                {
                    errors.Add(new RowError(line, CustomerField.Arr,
                        $"\"{Shorten(arrText)}\" is not an annual revenue I can read: write a plain number such as 120000 or 99.50."));
                }
            }

            Check(CustomerField.Name, name);
            Check(CustomerField.Plan, Cell(CustomerField.Plan));
            Check(CustomerField.Owner, Cell(CustomerField.Owner));
            foreach (var alias in aliases)
            {
                Check(CustomerField.Aliases, alias);
            }

            customers.Add(new CustomerProfile(name ?? "", aliases, segment, Cell(CustomerField.Plan), arr, Cell(CustomerField.Owner)));
            lines.Add(line);
        }

        return new CustomerSheet(customers, lines, errors);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
