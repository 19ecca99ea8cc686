using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.TestKit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>
/// The OpenAPI document holds every endpoint with its schemas, problems and examples; the reference page lays it out
/// in a real browser (tests/interop/api-docs.spec.mjs). Set API_DOCS_SCREENSHOT to a .png path (docs/api-reference.png)
/// to keep the README's picture.
/// </summary>
public sealed class ApiDocumentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Operations =
    [
        "post /api/v1/signals", "get /api/v1/signals", "get /api/v1/signals/{id}", "delete /api/v1/signals/{id}", "get /api/v1/themes",
        "get /api/v1/insights/top", "get /api/v1/insights/trends", "post /api/v1/customers", "get /api/v1/customers",
        "post /api/v1/imports", "get /api/v1/signals.csv",
    ];

    private readonly PulseAppFactory app = PulseAppFactory.Sqlite();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task DescribesEveryOperationWithSchemasProblemsAndExamples_WhenTheDocumentIsRead()
    {
        using var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var document = JsonNode.Parse(text)!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var found = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete").Select(m => (Path: p.Key, Method: m.Key, Operation: m.Value!)))
            .ToList();
        Assert.Equal(Operations.Order(), found.Select(f => $"{f.Method} {f.Path}").Order());
        Assert.Equal(["application/json", "text/csv"], document["paths"]!["/api/v1/customers"]!["post"]!["requestBody"]!["content"]!.AsObject().Select(m => m.Key).Order());
        Assert.Equal(["text/csv"], document["paths"]!["/api/v1/imports"]!["post"]!["requestBody"]!["content"]!.AsObject().Select(m => m.Key));
        Assert.Equal(["text/csv"], document["paths"]!["/api/v1/signals.csv"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(m => m.Key));
        Assert.Equal("http", (string?)document["components"]!["securitySchemes"]!["bearer"]!["type"]);
        Assert.NotNull(document["security"]![0]!["bearer"]);
        foreach (var (path, method, operation) in found)
        {
            var name = $"{method} {path}";
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), name);
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            Assert.Contains("401", responses.Select(r => r.Key));
            Assert.Contains("429", responses.Select(r => r.Key));
            Assert.All(responses.Where(r => r.Value!["content"] is not null), r =>
                Assert.All(r.Value!["content"]!.AsObject(), media => Assert.True(media.Value!["example"] is not null, $"{name} {r.Key} {media.Key} has no example")));
            if (operation["requestBody"] is { } body)
            {
                Assert.All(body["content"]!.AsObject(), media => Assert.Equal(
                    media.Key == "text/csv" ? ["file"] : ["one", "batch"], media.Value!["examples"]!.AsObject().Select(e => e.Key)));
                Assert.All(body["content"]!.AsObject(), media => Assert.All(media.Value!["examples"]!.AsObject(), e => Assert.NotNull(e.Value!["value"])));
            }

            if (method is "post" or "delete")
            {
                Assert.Contains("403", responses.Select(r => r.Key));
            }
        }

        foreach (var schema in new[] { "SignalInput", "SignalOutput", "SignalPageOutput", "ThemeListOutput", "TopOutput", "TrendsOutput", "CustomerInput", "CustomerOutput" })
        {
            Assert.True(schemas.ContainsKey(schema), $"{schema} is missing");
        }

        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(text, "\"#/components/schemas/([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.True(schemas.ContainsKey(reference), $"{reference} is referenced but not defined");
        }

        Assert.Equal(["pain", "request", "praise", "question"], schemas["SignalKind"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("wont-fix", schemas["ThemeStatus"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.NotNull(schemas["SignalInput"]!["examples"]);
    }

    [Fact]
    public async Task ShowsEveryEndpoint_WhenAPersonOpensTheReferencePageInChromium()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with 'apt-get install -y chromium' (.ci/run does).");
        Assert.True(Directory.Exists(Path.Combine(InteropScript.Folder, "node_modules", "playwright-core")),
            "tests/interop/node_modules is missing: run 'npm ci --prefix tests/interop' (.ci/run does).");
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(); // Kestrel always has it
        var screenshot = Environment.GetEnvironmentVariable("API_DOCS_SCREENSHOT") is { Length: > 0 } kept
            ? Path.GetFullPath(kept, Checkout.Root)
            : Path.Combine(Path.GetTempPath(), $"api-docs-{Guid.NewGuid():N}.png");

        var (exitCode, log) = await RunNodeAsync(address, screenshot);

        output.WriteLine(log);
        Assert.True(exitCode == 0, log);
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) >= 1000, "the picture is narrower than the page");
    }

    private static async Task<(int ExitCode, string Log)> RunNodeAsync(string address, string screenshot)
    {
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", "api-docs.spec.mjs"])
        {
            WorkingDirectory = InteropScript.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["API_URL"] = address, ["CHROMIUM_PATH"] = Chromium, ["API_DOCS_SCREENSHOT"] = screenshot },
        };
        using var node = Process.Start(start)!; // Process.Start returns null only when reusing a shell process
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var hung = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await node.WaitForExitAsync(hung.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
            return (-1, $"node did not finish within 5 minutes:\n{await stdout}\n{await stderr}");
        }

        return (node.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
