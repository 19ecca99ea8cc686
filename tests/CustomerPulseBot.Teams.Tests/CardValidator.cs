using CustomerPulseBot.Core.Views;
using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Teams.Tests;

// Every sample card, checked by tests/interop/validate-card.mjs (the adaptivecards 3.0.6 library plus our
// own checks) in one Node process when the first test asks.
public sealed class CardValidator
{
    public static string Dialog(string sample) => "dialog: " + sample;

    private readonly Lazy<Task<IReadOnlyDictionary<string, CardProblems>>> results = new(ValidateAllAsync);

    public Task<IReadOnlyDictionary<string, CardProblems>> ResultsAsync => results.Value;

    private static async Task<IReadOnlyDictionary<string, CardProblems>> ValidateAllAsync()
    {
        // Each view as a message card, and each capture form also as the dialog card of the message action.
        var rendered = CardSamples.All.Select(p => (Name: p.Key, Json: AdaptiveCardRenderer.RenderJson(p.Value)))
            .Concat(CardSamples.All.Where(p => p.Value is CaptureFormView).Select(p => (Name: Dialog(p.Key), Json: AdaptiveCardRenderer.RenderDialogJson(p.Value))))
            .ToList();
        var names = rendered.Select(r => r.Name).ToList();
        var cards = "[" + string.Join(",", rendered.Select(r => r.Json)) + "]";

        var problems = await InteropScript.RunAsync<List<CardProblems>>("validate-card.mjs", cards, "adaptivecards");

        return problems.Count == names.Count
            ? names.Zip(problems).ToDictionary(p => p.First, p => p.Second)
            : throw new InvalidOperationException($"validate-card.mjs answered for {problems.Count} of {names.Count} cards");
    }
}

public sealed record CardProblems(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
