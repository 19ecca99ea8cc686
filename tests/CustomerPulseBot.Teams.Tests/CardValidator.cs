namespace CustomerPulseBot.Teams.Tests;

// Every sample card, checked by tests/interop/validate-card.mjs (the adaptivecards 3.0.6 library plus our
// own checks) in one Node process when the first test asks.
public sealed class CardValidator
{
    private readonly Lazy<Task<IReadOnlyDictionary<string, CardProblems>>> results = new(ValidateAllAsync);

    public Task<IReadOnlyDictionary<string, CardProblems>> ResultsAsync => results.Value;

    private static async Task<IReadOnlyDictionary<string, CardProblems>> ValidateAllAsync()
    {
        var names = CardSamples.All.Keys.ToList();
        var cards = "[" + string.Join(",", names.Select(n => AdaptiveCardRenderer.RenderJson(CardSamples.All[n]))) + "]";

        var problems = await InteropScript.RunAsync<List<CardProblems>>("validate-card.mjs", cards, "adaptivecards");

        return problems.Count == names.Count
            ? names.Zip(problems).ToDictionary(p => p.First, p => p.Second)
            : throw new InvalidOperationException($"validate-card.mjs answered for {problems.Count} of {names.Count} cards");
    }
}

public sealed record CardProblems(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
