using System.Globalization;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// Reads a customers CSV: <c>name,aliases,segment,plan,arr,owner</c> in any order, only the name required; aliases
/// separated by <c>;</c>, arr a plain number (a dot for decimals, no grouping). Each row becomes the JSON form's input,
/// which <see cref="CustomersApi"/> checks.
/// </summary>
internal static class CustomerCsvReader
{
    public static readonly IReadOnlyList<string> Columns =
        [CustomerField.Name, CustomerField.Aliases, CustomerField.Segment, CustomerField.Plan, CustomerField.Arr, CustomerField.Owner];

    public static async Task<CustomerSheet> ReadAsync(Stream body, int maxRows, CancellationToken ct)
    {
        var customers = new List<CustomerInput>();
        var lines = new List<int>();
        var errors = new List<RowError>();
        await foreach (var (line, cells) in CsvInput.ReadAsync(body, Columns, CustomerField.Name, maxRows, ct))
        {
            string? Cell(string column) => cells[CsvInput.PlaceOf(Columns, column)];
            var arrText = Cell(CustomerField.Arr)?.Trim();
            decimal? arr = null;
            if (decimal.TryParse(arrText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                arr = value;
            }
            else if (!string.IsNullOrEmpty(arrText))
            {
                errors.Add(new RowError(line, CustomerField.Arr,
                    $"\"{FieldError.Excerpt(arrText)}\" is not a number: write the annual revenue as 120000 or 99.50."));
            }

            customers.Add(new CustomerInput(
                Cell(CustomerField.Name),
                Cell(CustomerField.Aliases)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Cell(CustomerField.Segment),
                Cell(CustomerField.Plan),
                arr,
                Cell(CustomerField.Owner)));
            lines.Add(line);
        }

        return new CustomerSheet(customers, lines, errors);
    }
}
