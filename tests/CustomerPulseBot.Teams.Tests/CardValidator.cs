using System.Diagnostics;
using System.Text.Json;

namespace CustomerPulseBot.Teams.Tests;

/// <summary>
/// Every sample card, checked by tests/interop/validate-card.mjs (the adaptivecards 3.0.6 library plus our
/// own checks) in one Node process when the first test asks.
/// </summary>
public sealed class CardValidator
{
    private static readonly string Script = Path.Combine(Repository.Root, "tests", "interop", "validate-card.mjs");
    private static readonly string Packages = Path.Combine(Repository.Root, "tests", "interop", "node_modules", "adaptivecards");

    private readonly Lazy<Task<IReadOnlyDictionary<string, CardProblems>>> results = new(ValidateAllAsync);

    public Task<IReadOnlyDictionary<string, CardProblems>> ResultsAsync => results.Value;

    private static async Task<IReadOnlyDictionary<string, CardProblems>> ValidateAllAsync()
    {
        if (!Directory.Exists(Packages))
        {
            throw new InvalidOperationException(
                $"The interop packages are not installed ({Packages} is missing): run `npm ci --prefix tests/interop` in {Repository.Root}.");
        }

        var names = CardSamples.All.Keys.ToList();
        var cards = "[" + string.Join(",", names.Select(n => AdaptiveCardRenderer.RenderJson(CardSamples.All[n]))) + "]";

        var start = new ProcessStartInfo("node", [Script])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(cards);
        node.StandardInput.Close();
        await node.WaitForExitAsync();

        // Exit code 1 only says some card has problems; anything else, or no JSON, means the script itself failed.
        if (node.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"validate-card.mjs exited with {node.ExitCode}: {await errors}");
        }

        var problems = JsonSerializer.Deserialize<List<CardProblems>>(await output, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("validate-card.mjs printed null");
        Assert.Equal(names.Count, problems.Count);
        return names.Zip(problems).ToDictionary(p => p.First, p => p.Second);
    }
}

public sealed record CardProblems(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
