using System.Text.Json;

namespace CustomerPulseBot.Teams.Activities;

// A Bot Framework activity, in and out, with only the fields we read or write (teams-bot-framework.md, section 1).
internal sealed record Activity
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";

    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? ReplyToId { get; init; }

    public string? LocalTimezone { get; init; }

    // Lists read from a request may hold explicit nulls; Teams never sends them, a forged body may.
    public IReadOnlyList<Entity?>? Entities { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public JsonElement? Value { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public IReadOnlyList<ChannelAccount?>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount?>? MembersRemoved { get; init; }

    // installationUpdate: add, remove, add-upgrade, remove-upgrade.
    public string? Action { get; init; }

    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;
}
