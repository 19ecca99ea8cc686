using System.Data.Common;

namespace CustomerPulseBot.Storage;

/// <summary>Small conveniences over ADO.NET that both providers share; the SQL itself stays with its method.</summary>
internal static class Sql
{
    public static DbCommand Command(this DbConnection connection, string text, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a parameter named <c>@name</c>; both providers accept that prefix and infer the type from the value.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static async Task<List<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<T?> SingleOrDefaultAsync<T>(this DbCommand command, Func<DbDataReader, T> read, CancellationToken ct)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? read(reader) : null;
    }
}
