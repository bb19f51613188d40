using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jobs.Core.Storage;

/// <summary>
/// Text PostgreSQL cannot hold, made storable the way SQLite stores it: U+0000 is refused by PostgreSQL's text type (it is
/// dropped here), and a lone surrogate is refused by Npgsql's strict UTF-8 (it becomes U+FFFD, as Microsoft.Data.Sqlite
/// writes it). Hostile input then gets the same answers on both databases instead of a server error on one.
/// </summary>
public static class PostgresTextGuard
{
    public static string Clean(string value)
    {
        if (!NeedsCleaning(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsCleaning(string value)
    {
        foreach (var c in value)
        {
            if (c == '\0' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    public static void CleanParameters(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string text)
            {
                parameter.Value = Clean(text);
            }
        }
    }

    /// <summary>Cleans the parameters of every command EF sends to PostgreSQL.</summary>
    public sealed class Interceptor : DbCommandInterceptor
    {
        public static Interceptor Instance { get; } = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            CleanParameters(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            CleanParameters(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            CleanParameters(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            CleanParameters(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            CleanParameters(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            CleanParameters(command);
            return ValueTask.FromResult(result);
        }
    }
}
