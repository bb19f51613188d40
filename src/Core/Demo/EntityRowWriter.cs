using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jobs.Core.Demo;

/// <summary>
/// Inserts entities with one prepared INSERT per row, many times faster than SaveChanges for bulk seeding.
/// Columns, value converters and parameter types all come from the EF model, so rows are stored exactly as EF stores
/// them (DateTime text, JSON lists, enum integers) and a property added to the entity is picked up automatically.
/// </summary>
internal sealed class EntityRowWriter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly PropertyInfo? _key;

    private EntityRowWriter(DbCommand command, Column[] columns, PropertyInfo? key)
    {
        _command = command;
        _columns = columns;
        _key = key;
    }

    /// <summary>
    /// Null when the entity's mapping needs EF's own update pipeline: owned types, complex properties, inheritance,
    /// shadow properties or store-generated values other than the key. The caller then falls back to SaveChanges.
    /// </summary>
    public static EntityRowWriter<T>? TryCreate(DbContext db, bool readBackKey)
    {
        var entityType = db.Model.FindEntityType(typeof(T));
        if (entityType is null || entityType.GetTableName() is not { } table || entityType.BaseType is not null
            || entityType.GetDirectlyDerivedTypes().Any() || entityType.GetComplexProperties().Any()
            || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            return null;
        }

        var primaryKey = entityType.FindPrimaryKey();
        var generatedKey = primaryKey is { Properties: [var k] } && k.ValueGenerated == ValueGenerated.OnAdd ? k : null;
        var properties = entityType.GetProperties().Where(p => p != generatedKey).ToArray();
        if (properties.Any(p => p.IsShadowProperty() || p.PropertyInfo is null || p.ValueGenerated != ValueGenerated.Never))
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(table)).Append(" (");
        sql.AppendJoin(", ", properties.Select(p => Quote(p.GetColumnName()))).Append(") VALUES (");
        sql.AppendJoin(", ", properties.Select((_, i) => "@p" + i)).Append(')');
        if (readBackKey && generatedKey is not null)
        {
            sql.Append(" RETURNING ").Append(Quote(generatedKey.GetColumnName()));
        }

        command.CommandText = sql.Append(';').ToString();
        var columns = new Column[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var mapping = property.GetRelationalTypeMapping();
            // CreateParameter sets DbType, size and nullability as EF would; the value is filled in per row.
            var parameter = mapping.CreateParameter(command, "@p" + i, null, property.IsNullable);
            command.Parameters.Add(parameter);
            columns[i] = new Column(property.GetGetter(), mapping.Converter, parameter);
        }

        command.Prepare();
        return new EntityRowWriter<T>(command, columns, readBackKey ? generatedKey?.PropertyInfo : null);
    }

    public DbTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Insert(T entity)
    {
        foreach (var column in _columns)
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && column.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            column.Parameter.Value = value ?? DBNull.Value;
        }

        if (_key is null)
        {
            _command.ExecuteNonQuery();
            return;
        }

        var id = _command.ExecuteScalar() ?? throw new InvalidOperationException($"INSERT into {typeof(T).Name} returned no key.");
        _key.SetValue(entity, Convert.ChangeType(id, _key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _command.Dispose();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, DbParameter Parameter);
}
