using System.Text.Json.Nodes;
using CustomerPulseBot.Core.ApiKeys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.FileProviders;
using Microsoft.OpenApi;

using CustomerPulseBot.Web.Api.Csv;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// The OpenAPI document of /api/v1 at /openapi/v1.json (Microsoft.AspNetCore.OpenApi), with the bearer scheme, every
/// operation's problems and examples, and the reference page at /api/docs: a page of the host's own that reads the
/// document and lays it out, with no script or style from anywhere else.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string DocsPath = "/api/docs";
    public const string BearerScheme = "bearer";

    private const string AssetsNamespace = "CustomerPulseBot.Web.Api.docs";
    private const string ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";

    private static readonly IReadOnlyDictionary<string, string> ParameterNotes = new Dictionary<string, string>
    {
        ["since"] = "Said on or after: an ISO 8601 date (a day in the workspace's time zone) or date-time.",
        ["until"] = "Said before the end of: an ISO 8601 date (that day included) or date-time.",
        ["theme"] = "A theme by any of its names.",
        ["customer"] = "A customer by name or alias, any case.",
        ["segment"] = "One of the workspace's segments: " + string.Join(", ", Core.Signals.SignalVocabulary.Segments) + ".",
        ["q"] = "Words the quote or customer must match (stemmed: \"exports timing out\" finds \"export timeout\").",
        ["limit"] = $"Signals per page, 1 to {SignalsApi.MaxLimit}; {SignalsApi.DefaultLimit} when left out.",
        ["cursor"] = "The next value of the page before, unchanged.",
        ["period"] = "A period in the words chat reads: this week (the default), last week, last 30 days, this month, Q3, since 2026-11-03.",
        ["n"] = "How many themes to rank, 1 to 10; 5 when left out.",
        ["by"] = "revenue: rank by the annual revenue of the distinct customers behind each theme.",
        ["id"] = "The signal's id.",
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiSetup.Prefix[1..], StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CustomerPulseBot API",
                    Version = Name,
                    Description = "Signals in and answers out, for one workspace per key. Send the header Authorization: Bearer pk_… (a key "
                        + "from api-key create). JSON is camelCase with lower-case enum words; every refusal is application/problem+json "
                        + "naming the field (quote, or [3].quote in an array). CSV comes in at /imports and goes out at /signals.csv.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = BearerScheme,
                    BearerFormat = ApiKeys.Prefix + "…",
                    Description = "A workspace's API key. Read keys may call every GET; adding and deleting needs a write key.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                Describe(operation, context);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (ApiExamples.ByType.TryGetValue(context.JsonTypeInfo.Type, out var example))
                {
                    schema.Examples = [ApiExamples.Json(example)!]; // a value serialises to a node
                }

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var assets = new EmbeddedFileProvider(typeof(ApiDocument).Assembly, AssetsNamespace);
        app.MapGet(DocsPath, (HttpContext http) => Asset(http, assets, "index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(DocsPath + "/docs.js", (HttpContext http) => Asset(http, assets, "docs.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(DocsPath + "/docs.css", (HttpContext http) => Asset(http, assets, "docs.css", "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(DocsPath + "/icon.svg", (HttpContext http) => Asset(http, assets, "icon.svg", "image/svg+xml")).ExcludeFromDescription();
        return app;
    }

    private static IResult Asset(HttpContext http, IFileProvider assets, string name, string type)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Stream(assets.GetFileInfo(name).CreateReadStream(), type);
    }

    /// <summary>The CSV file an operation takes: customers for POST /customers, signals for imports.</summary>
    private static OpenApiExample CsvExample(OpenApiOperationTransformerContext context) =>
        context.Description.RelativePath?.EndsWith("customers", StringComparison.Ordinal) == true
            ? new OpenApiExample { Summary = "A customers file", Value = JsonValue.Create(ApiExamples.CustomersCsv) }
            : new OpenApiExample { Summary = "A signals file", Value = JsonValue.Create(ApiExamples.SignalsCsv) };

    /// <summary>Parameters explained, the body's and answers' examples, and an example problem on every refusal.</summary>
    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && ParameterNotes.TryGetValue(name, out var note))
            {
                parameter.Description = note;
            }
        }

        var examples = operation.OperationId is { } id && ApiExamples.ByOperation.TryGetValue(id, out var found) ? found : default;
        if (operation.RequestBody?.Content is { } request)
        {
            operation.RequestBody.Description ??= "One object, or a JSON array of them (all or none). At most 1 MB.";
            foreach (var (type, media) in request.Where(m => m.Value is OpenApiMediaType))
            {
                media.Examples = type == CsvEndpoints.CsvType
                    ? new Dictionary<string, IOpenApiExample> { ["file"] = CsvExample(context) }
                    : new Dictionary<string, IOpenApiExample>
                    {
                        ["one"] = new OpenApiExample { Summary = "One", Value = ApiExamples.Json(examples.Request) },
                        ["batch"] = new OpenApiExample { Summary = "An array", Value = ApiExamples.Json(examples.Batch) },
                    };
                if (type == CsvEndpoints.CsvType && media is OpenApiMediaType csv)
                {
                    csv.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A CSV file with a header row." };
                }
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            foreach (var (type, media) in (response.Content ?? new Dictionary<string, OpenApiMediaType>()).Where(m => m.Value is not null))
            {
                media.Example = type.Contains("problem", StringComparison.Ordinal)
                    ? ApiExamples.Json(ApiExamples.Problem with
                    {
                        Status = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                        Errors = status == "400" ? ApiExamples.Problem.Errors : null,
                    })
                    : type == CsvEndpoints.CsvType ? JsonValue.Create(ApiExamples.SignalsCsv) : ApiExamples.Json(examples.Answer);
            }
        }

        if (context.Description.RelativePath?.EndsWith("signals", StringComparison.Ordinal) == true && context.Description.HttpMethod == "POST")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = SignalsApi.IdempotencyHeader,
                In = ParameterLocation.Header,
                Description = "Any unique text up to 200 characters. Sent again, the first answer comes back and nothing more is stored; with another body, 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("b7c1e2f0-import-2026-12-03"),
            });
        }
    }
}
