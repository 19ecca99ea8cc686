using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.Mvc;

using CustomerPulseBot.Web.Api.Csv;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// /api/v1/customers: save customers from a CRM (JSON here; the text/csv form of the same POST is its own endpoint,
/// mapped with the CSV import, and chosen by the request's Content-Type) and list them with their signal counts.
/// </summary>
internal static class CustomersApi
{
    public const int MaxBatch = 1000;
    public const int MaxTextLength = 100;

    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        api.MapPost("/customers", SaveAsync)
            .RequireWriteScope()
            .Accepts<CustomerInput>("application/json", CsvEndpoints.CsvType)
            .Produces<CustomerOutput>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("SaveCustomers")
            .WithSummary("Create or update one customer, an array of up to 1,000, or a CSV file (all or none)")
            .WithDescription(CsvEndpoints.CustomersCsvDescription);
        api.MapGet("/customers", ListAsync)
            .Produces<ItemList<CustomerOutput>>()
            .WithName("ListCustomers")
            .WithSummary("Every customer, with how many signals name it");
        return api;
    }

    private static async Task<IResult> SaveAsync(
        ApiCaller caller, HttpContext http, [FromServices] ICustomerStore store, ILoggerFactory loggers, CancellationToken ct)
    {
        if (http.Request.ContentType?.StartsWith(CsvEndpoints.CsvType, StringComparison.OrdinalIgnoreCase) == true)
        {
            return await CsvEndpoints.SaveCustomersAsync(caller, http, store, loggers);
        }

        var logger = loggers.CreateLogger(typeof(CustomersApi));
        var (body, refusal) = await ApiBody.ReadAsync(http, logger);
        if (body is null)
        {
            return refusal!; // ReadAsync gives one or the other
        }

        var (inputs, isArray, shapeRefusal) = body.Items<CustomerInput>(MaxBatch);
        if (inputs is null)
        {
            return shapeRefusal!; // Items gives one or the other
        }

        var errors = new List<(string, string)>();
        var profiles = inputs.Select((input, i) => Profile(input, caller.Context.Workspace, isArray ? $"[{i}]." : "", errors)).ToList();
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(ApiProblems.Keyed(errors));
        }

        try
        {
            var saved = await store.SaveCustomersAsync(caller.Context.WorkspaceId, profiles, ct);
            logger.LogInformation("Saved {Count} customers from the API in workspace {WorkspaceId}", saved.Count, caller.Context.WorkspaceId);
            return isArray
                ? TypedResults.Ok(new ItemList<CustomerOutput>(saved.Select(c => CustomerOutput.From(c)).ToList()))
                : TypedResults.Ok(CustomerOutput.From(saved[0]));
        }
        catch (CustomerConflictException conflict)
        {
            return ApiProblems.Field((isArray ? $"[{conflict.Index}]." : "") + CustomerField.Aliases, conflict.Message + " Nothing was saved.");
        }
    }

    private static async Task<IResult> ListAsync(ApiCaller caller, [FromServices] ICustomerStore store, CancellationToken ct)
    {
        var customers = await store.ListCustomersAsync(caller.Context.WorkspaceId, ct);
        return TypedResults.Ok(new ItemList<CustomerOutput>(customers.Select(c => CustomerOutput.From(c.Customer, c.Signals)).ToList()));
    }

    /// <summary>
    /// The input as a profile, each field checked; names are free text a person typed, so where the workspace masks
    /// personal data they are masked as a capture's customer is (<see cref="PersonalData.Mask"/>).
    /// </summary>
    internal static CustomerProfile Profile(CustomerInput input, Workspace workspace, string prefix, List<(string, string)> errors)
    {
        var name = Name(input.Name, prefix + CustomerField.Name, "name", errors);
        if (name is null && !errors.Any(e => e.Item1 == prefix + CustomerField.Name))
        {
            errors.Add((prefix + CustomerField.Name, "name is required: the customer's name as signals name it."));
        }

        var aliases = new List<string>();
        foreach (var alias in input.Aliases ?? [])
        {
            if (Name(alias, prefix + CustomerField.Aliases, "alias", errors) is { } read && !aliases.Contains(read, StringComparer.OrdinalIgnoreCase))
            {
                aliases.Add(read);
            }
        }

        var segment = input.Segment?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(segment))
        {
            segment = null;
        }
        else if (!SignalVocabulary.Segments.Contains(segment))
        {
            errors.Add((prefix + CustomerField.Segment, $"\"{input.Segment}\" is not a segment. Use one of: {string.Join(", ", SignalVocabulary.Segments)}."));
        }

        if (input.Arr is < 0)
        {
            errors.Add((prefix + CustomerField.Arr, "arr is annual recurring revenue: a number of 0 or more."));
        }

        var plan = Text(input.Plan, prefix + CustomerField.Plan, errors);
        var owner = Text(input.Owner, prefix + CustomerField.Owner, errors);
        if (workspace.Redact && name is not null)
        {
            try
            {
                name = PersonalData.Mask(name).Text;
                aliases = aliases.Select(a => PersonalData.Mask(a).Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }
            catch (RegexMatchTimeoutException)
            {
                errors.Add((prefix + CustomerField.Name, "The names could not be checked for personal data in time, so nothing was saved."));
            }
        }

        return new CustomerProfile(name ?? "", aliases, segment, plan, input.Arr, owner);
    }

    private static string? Name(string? raw, string field, string what, List<(string, string)> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > SignalVocabulary.MaxCustomerLength || text.Any(char.IsControl))
        {
            errors.Add((field, $"The {what} \"{FieldError.Excerpt(text)}\" must be at most {SignalVocabulary.MaxCustomerLength} characters, on one line."));
            return null;
        }

        return text;
    }

    private static string? Text(string? raw, string field, List<(string, string)> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > MaxTextLength || text.Any(char.IsControl))
        {
            errors.Add((field, $"{field.Split('.')[^1]} must be at most {MaxTextLength} characters, on one line."));
        }

        return text;
    }

}
