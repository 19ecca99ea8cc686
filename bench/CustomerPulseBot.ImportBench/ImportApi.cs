using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPulseBot.Bench.Shared;

namespace CustomerPulseBot.ImportBench;

/// <summary>
/// What the bench asks of the running host: a workspace (made by the playground, the one way in without a chat
/// platform), a write key (made by the host's own command line, as an admin would), and the two timed ways in.
/// </summary>
internal sealed class ImportApi(HostProcess host, HttpClient http, IReadOnlyList<KeyValuePair<string, string>> settings)
{
    /// <summary>Creates the playground workspace <paramref name="name"/> by saying "help" in it.</summary>
    public async Task CreateWorkspaceAsync(string name)
    {
        using var response = await http.PostAsJsonAsync(
            new Uri(host.Root, "playground/api/messages"), new { workspace = name, user = "bench", text = "help" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>dotnet CustomerPulseBot.Web.dll api-key create --workspace … --scope write</c>: the key is the last line it prints.</summary>
    public async Task<string> CreateWriteKeyAsync(string workspace)
    {
        var (exitCode, output) = await HostProcess.RunCommandAsync(
            ["api-key", "create", "--workspace", workspace, "--scope", "write", "--name", "import-bench"], settings);
        var key = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return exitCode == 0 && key is not null && key.StartsWith("pk_", StringComparison.Ordinal)
            ? key
            : throw new InvalidOperationException($"api-key create exited with {exitCode} and no key on its last line.");
    }

    /// <summary><c>POST /api/v1/imports</c> with the whole file, all or nothing; returns the time to the answer and how many it imported.</summary>
    public async Task<(TimeSpan Took, int Imported)> ImportAsync(string key, byte[] csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Root, "api/v1/imports"))
        {
            Content = new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" } } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var timer = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var took = timer.Elapsed;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The import was answered {(int)response.StatusCode}: {Shorten(body)}");
        }

        using var answer = JsonDocument.Parse(body);
        var errors = answer.RootElement.GetProperty("errors").GetArrayLength();
        return errors == 0
            ? (took, answer.RootElement.GetProperty("imported").GetInt32())
            : throw new InvalidOperationException($"The import found {errors} bad rows: {Shorten(body)}");
    }

    /// <summary>
    /// <c>POST /api/v1/signals</c> with each JSON array in turn, one request at a time; returns the time, each request's
    /// time, and how many came back stored.
    /// </summary>
    public async Task<(TimeSpan Took, IReadOnlyList<TimeSpan> Requests, int Stored)> PostBatchesAsync(string key, IReadOnlyList<byte[]> batches)
    {
        var stored = 0;
        var requests = new List<TimeSpan>(batches.Count);
        var timer = Stopwatch.StartNew();
        foreach (var (batch, number) in batches.Select((b, i) => (b, i + 1)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Root, "api/v1/signals"))
            {
                Content = new ByteArrayContent(batch) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var sent = timer.Elapsed;
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            requests.Add(timer.Elapsed - sent);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Batch {number} was answered {(int)response.StatusCode}: {Shorten(body)}");
            }

            using var answer = JsonDocument.Parse(body);
            stored += answer.RootElement.GetProperty("items").GetArrayLength();
        }

        return (timer.Elapsed, requests, stored);
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
