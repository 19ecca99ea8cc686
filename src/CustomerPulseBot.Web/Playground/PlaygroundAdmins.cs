using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Playground;

/// <summary>
/// The playground's say on admins. It is a local tool where anyone types any name, so by default everyone on the page
/// is an admin of every playground workspace; <c>Playground:Admins</c> names the only ones, to try what others are told.
/// People are their names here, so a mention is @ and the name.
/// </summary>
internal sealed class PlaygroundAdmins(IOptions<PlaygroundOptions> options) : IPlatformAdmins
{
    public Platform Platform => Platform.Playground;

    public string Admins => Named.Count == 0
        ? "everyone on the playground page"
        : $"the playground's admins ({string.Join(", ", Named)})";

    public string HowToMention => "write @ and the name they type at the top of the page";

    private IReadOnlyList<string> Named => options.Value.Admins;

    public Task<bool?> IsAdminAsync(ChatContext context, CancellationToken ct) =>
        Task.FromResult<bool?>(Named.Count == 0 || Named.Contains(context.User.Id, StringComparer.OrdinalIgnoreCase));

    public Task<ChatUser?> InstallerAsync(Workspace workspace, CancellationToken ct) => Task.FromResult<ChatUser?>(null);

    public ChatUser? Mentioned(ChatContext context, string mention) =>
        mention.StartsWith('@') && mention[1..].Trim() is { Length: > 0 and <= PlaygroundApi.MaxNameLength } name ? new ChatUser(name, name) : null;
}
