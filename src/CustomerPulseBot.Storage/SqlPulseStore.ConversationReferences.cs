using System.Data.Common;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>Teams conversation references (migration 0004), in the same portable SQL as the rest of the store.</summary>
internal abstract partial class SqlPulseStore : IConversationReferences
{
    private const string ConversationColumns =
        "workspace_id, conversation_id, service_url, channel_id, tenant_id, bot_id, conversation_type, team_id, updated_at";

    public async Task SaveConversationAsync(ConversationReference reference, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            INSERT INTO conversation_references ({ConversationColumns})
            VALUES (@w, @conversation_id, @service_url, @channel_id, @tenant_id, @bot_id, @conversation_type, @team_id, @updated_at)
            ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET
                service_url = excluded.service_url, channel_id = excluded.channel_id, tenant_id = excluded.tenant_id,
                bot_id = excluded.bot_id, conversation_type = excluded.conversation_type, team_id = excluded.team_id,
                updated_at = excluded.updated_at
            """)
            .With("@w", reference.WorkspaceId.Value)
            .With("@conversation_id", reference.ConversationId)
            .With("@service_url", reference.ServiceUrl)
            .With("@channel_id", reference.ChannelId)
            .With("@tenant_id", reference.TenantId)
            .With("@bot_id", reference.BotId)
            .With("@conversation_type", reference.ConversationType)
            .With("@team_id", reference.TeamId)
            .With("@updated_at", Rows.Millis(reference.UpdatedAt));
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task<ConversationReference?> FindConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command(
                $"SELECT {ConversationColumns} FROM conversation_references WHERE workspace_id = @w AND conversation_id = @conversation_id")
            .With("@w", workspace.Value)
            .With("@conversation_id", conversationId);
        return await command.SingleOrDefaultAsync(ReadConversation, ct);
    }, ct);

    public Task<ConversationReference?> FindLatestConversationAsync(WorkspaceId workspace, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command(
                $"SELECT {ConversationColumns} FROM conversation_references WHERE workspace_id = @w ORDER BY updated_at DESC LIMIT 1")
            .With("@w", workspace.Value);
        return await command.SingleOrDefaultAsync(ReadConversation, ct);
    }, ct);

    public async Task<bool> RemoveConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM conversation_references WHERE workspace_id = @w AND conversation_id = @conversation_id")
            .With("@w", workspace.Value)
            .With("@conversation_id", conversationId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    private static ConversationReference ReadConversation(DbDataReader r) => new(
        new WorkspaceId(r.GetGuid(0)),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        Rows.Time(r.GetInt64(8)));
}
