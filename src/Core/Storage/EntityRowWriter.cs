using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;

namespace Jobs.Core.Storage;

/// <summary>
/// Inserts entities with one prepared INSERT per row, several times faster than SaveChanges for bulk seeding.
/// Columns, value converters, parameter types and JSON writers all come from the EF model, so rows are stored
/// exactly as EF stores them (DateTime text, JSON lists, enum integers, owned JSON documents) and a property added to
/// an entity is picked up without touching this class.
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
    /// Null when the mapping needs EF's own update pipeline: inheritance, complex properties, owned types stored in
    /// another table or nested, shadow properties, or store-generated values other than the key. The caller then
    /// falls back to SaveChanges.
    /// </summary>
    public static EntityRowWriter<T>? TryCreate(DbContext db, bool readBackKey)
    {
        var entityType = db.Model.FindEntityType(typeof(T));
        if (entityType is null || entityType.GetTableName() is not { } table || entityType.BaseType is not null
            || entityType.GetDirectlyDerivedTypes().Any() || entityType.GetComplexProperties().Any())
        {
            return null;
        }

        var primaryKey = entityType.FindPrimaryKey();
        var generatedKey = primaryKey is { Properties: [var k] } && k.ValueGenerated == ValueGenerated.OnAdd ? k : null;
        var sources = new List<(string Column, RelationalTypeMapping? Mapping, bool Nullable, Func<object, object?> Read)>();
        foreach (var property in entityType.GetProperties())
        {
            if (property == generatedKey)
            {
                continue;
            }

            if (!IsPlain(property))
            {
                return null;
            }

            sources.Add(Scalar(property, Identity));
        }

        foreach (var navigation in entityType.GetNavigations())
        {
            var owned = navigation.TargetEntityType;
            if (!owned.IsOwned() || navigation.PropertyInfo is not { } navigationProperty || owned.GetNavigations().Any())
            {
                return null;
            }

            Func<object, object?> readOwner = navigationProperty.GetValue;
            if (owned.IsMappedToJson())
            {
                if (owned.GetContainerColumnName() is not { } container || !TryJsonWriter(owned, navigation.IsCollection, out var toJson))
                {
                    return null;
                }

                sources.Add((container, null, true, e => readOwner(e) is { } value ? toJson(value) : null));
            }
            else if (!navigation.IsCollection && owned.GetTableName() == table)
            {
                // Table splitting: the owned type's columns sit in the owner's row; its key is the owner's key.
                foreach (var property in owned.GetProperties().Where(p => !p.IsPrimaryKey()))
                {
                    if (!IsPlain(property))
                    {
                        return null;
                    }

                    sources.Add(Scalar(property, readOwner));
                }
            }
            else
            {
                return null;
            }
        }

        var command = db.Database.GetDbConnection().CreateCommand();
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(table)).Append(" (");
        sql.AppendJoin(", ", sources.Select(s => Quote(s.Column))).Append(") VALUES (");
        // A JSON document goes in as text: PostgreSQL's jsonb column takes it only cast (SQLite's TEXT column as it is).
        var jsonb = db.Database.IsNpgsql();
        sql.AppendJoin(", ", sources.Select((s, i) => s.Mapping is null && jsonb
            ? $"CAST(@p{i.ToString(CultureInfo.InvariantCulture)} AS jsonb)"
            : "@p" + i.ToString(CultureInfo.InvariantCulture))).Append(')');
        if (readBackKey && generatedKey is not null)
        {
            sql.Append(" RETURNING ").Append(Quote(generatedKey.GetColumnName()));
        }

        command.CommandText = sql.Append(';').ToString();
        var columns = new Column[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var (_, mapping, nullable, read) = sources[i];
            var name = "@p" + i.ToString(CultureInfo.InvariantCulture);
            // CreateParameter sets DbType, size and nullability the way EF would; the value is filled in per row.
            DbParameter parameter;
            if (mapping is null)
            {
                parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = System.Data.DbType.String;
            }
            else
            {
                parameter = mapping.CreateParameter(command, name, null, nullable);
            }

            command.Parameters.Add(parameter);
            columns[i] = new Column(read, parameter);
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
            column.Parameter.Value = column.Read(entity) ?? DBNull.Value;
        }

        if (_key is null)
        {
            _command.ExecuteNonQuery();
            return;
        }

        var id = _command.ExecuteScalar() ?? throw new InvalidOperationException($"INSERT into {typeof(T).Name} returned no key.");
        _key.SetValue(entity, Convert.ChangeType(id, _key.PropertyType, CultureInfo.InvariantCulture));
    }

    public void Dispose() => _command.Dispose();

    private static object? Identity(object entity) => entity;

    private static bool IsPlain(IProperty property) =>
        !property.IsShadowProperty() && property.PropertyInfo is not null && property.ValueGenerated == ValueGenerated.Never;

    private static (string, RelationalTypeMapping?, bool, Func<object, object?>) Scalar(IProperty property, Func<object, object?> container)
    {
        var getter = property.GetGetter();
        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        object? Read(object entity)
        {
            if (container(entity) is not { } holder)
            {
                return null;
            }

            var value = getter.GetClrValueUsingContainingEntity(holder);
            return value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
        }

        return (property.GetColumnName(), mapping, property.IsNullable, Read);
    }

    /// <summary>
    /// Serialises an owned JSON document the way EF's update pipeline does: one object per entity, properties in
    /// model order under their JSON names, each written by the property's own JsonValueReaderWriter, keys left out.
    /// </summary>
    private static bool TryJsonWriter(IEntityType owned, bool collection, out Func<object, string> toJson)
    {
        toJson = null!;
        var fields = new List<(JsonEncodedText Name, IClrPropertyGetter Getter, JsonValueReaderWriter Writer)>();
        foreach (var property in owned.GetProperties().Where(p => !p.IsKey()))
        {
            if (!IsPlain(property) || property.GetJsonPropertyName() is not { } jsonName
                || (property.GetJsonValueReaderWriter() ?? property.GetTypeMapping().JsonValueReaderWriter) is not { } valueWriter)
            {
                return false;
            }

            fields.Add((JsonEncodedText.Encode(jsonName), property.GetGetter(), valueWriter));
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        var json = new Utf8JsonWriter(buffer);
        void WriteObject(object item)
        {
            json.WriteStartObject();
            foreach (var (name, getter, valueWriter) in fields)
            {
                json.WritePropertyName(name);
                if (getter.GetClrValueUsingContainingEntity(item) is { } value)
                {
                    valueWriter.ToJson(json, value);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndObject();
        }

        toJson = value =>
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            if (collection)
            {
                json.WriteStartArray();
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    WriteObject(item);
                }

                json.WriteEndArray();
            }
            else
            {
                WriteObject(value);
            }

            json.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        };
        return true;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(Func<object, object?> Read, DbParameter Parameter);
}
