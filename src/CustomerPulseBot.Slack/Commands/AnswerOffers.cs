using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Payloads;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerPulseBot.Slack.Commands;

/// <summary>
/// The "Share in channel" and "Post to channel" buttons under a view. Their values are sealed with Data Protection
/// (encrypted and authenticated), so a click can neither forge one nor change the channel, person or words it holds.
/// </summary>
internal sealed class AnswerOffers(IDataProtectionProvider protection)
{
    private readonly IDataProtector seal = protection.CreateProtector("CustomerPulseBot.Slack.AnswerButton");

    /// <summary>The buttons for <paramref name="view"/>, offered to <paramref name="user"/> in <paramref name="channel"/>, who asked <paramref name="text"/>.</summary>
    public IReadOnlyList<JsonObject> For(View view, string channel, string user, string text) => view switch
    {
        CaptureConfirmedView v when Button(SlackIds.ShareSignal, "Share in channel", new AnswerButton(channel, user, Signal: v.Signal.Id)) is { } share =>
            [share],
        PainPointsView or TrendsView or SearchResultsView or ThemeListView or CountView or CustomersView or ShippedView or JourneyView
            or QuestionView when text.Length > 0 && Button(SlackIds.PostToChannel, "Post to channel", new AnswerButton(channel, user, Text: text)) is { } post =>
            [post],
        _ => [],
    };

    /// <summary>The button a value was sealed from, or null when this app did not seal it (forged, altered, or sealed with a key it no longer has).</summary>
    public AnswerButton? Read(string? value)
    {
        try
        {
            return value is null ? null : JsonSerializer.Deserialize<AnswerButton>(seal.Unprotect(value), SlackJson.Options);
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }
    }

    /// <summary>A button whose sealed value fits Slack's limit; no button when it does not (words too long to carry).</summary>
    private JsonObject? Button(string actionId, string label, AnswerButton button)
    {
        var value = seal.Protect(JsonSerializer.Serialize(button, SlackJson.Options));
        return value.Length <= Block.MaxButtonValue ? Block.Button(actionId, label, value) : null;
    }
}
