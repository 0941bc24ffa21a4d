// Runs requests through a real JDBC driver and prints what the application would see, one JSON
// line per request, so a test can compare the gateway with MariaDB through the same driver.
//   java -cp <driver jars>:<classes> QueryRunner <jdbc url> <user> <password>
// Requests on stdin, one per line:
//   Q <sql>                          Statement.executeQuery
//   P <sql>\t<type>:<value>\t...     PreparedStatement with parameters (long, string, decimal,
//                                    double, date, timestamp, null)
//   T <catalog>                      DatabaseMetaData.getTables(catalog, null, "%", null)
//   V <catalog>                      DatabaseMetaData.getTables(catalog, null, "%", {"TABLE", "VIEW"}) (DBeaver, IntelliJ)
//   C <catalog>\t<table>             DatabaseMetaData.getColumns(catalog, null, table, "%")
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.*;

public class QueryRunner {
  public static void main(String[] args) throws Exception {
    try (Connection conn = DriverManager.getConnection(args[0], args[1], args[2])) {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) continue;
        System.out.println(run(conn, line.charAt(0), line.substring(2)));
        System.out.flush();
      }
    }
  }

  static String run(Connection conn, char kind, String request) {
    try {
      switch (kind) {
        case 'Q': {
          try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(request)) {
            return describe(rs);
          }
        }
        case 'P': {
          String[] parts = request.split("\t");
          try (PreparedStatement ps = conn.prepareStatement(parts[0])) {
            for (int i = 1; i < parts.length; i++) bind(ps, i, parts[i]);
            try (ResultSet rs = ps.executeQuery()) {
              return describe(rs);
            }
          }
        }
        case 'T': {
          try (ResultSet rs = conn.getMetaData().getTables(request, null, "%", null)) {
            return describe(rs);
          }
        }
        case 'V': {
          try (ResultSet rs = conn.getMetaData().getTables(request, null, "%", new String[] {"TABLE", "VIEW"})) {
            return describe(rs);
          }
        }
        case 'C': {
          String[] parts = request.split("\t");
          try (ResultSet rs = conn.getMetaData().getColumns(parts[0], null, parts[1], "%")) {
            return describe(rs);
          }
        }
        default:
          return "{\"error\":{\"message\":" + json("unknown request kind " + kind) + "}}";
      }
    } catch (SQLException e) {
      return "{\"error\":{\"code\":" + e.getErrorCode() + ",\"sqlState\":" + json(e.getSQLState()) + ",\"message\":" + json(e.getMessage()) + "}}";
    }
  }

  static void bind(PreparedStatement ps, int index, String typed) throws SQLException {
    int colon = typed.indexOf(':');
    String type = typed.substring(0, colon), value = typed.substring(colon + 1);
    switch (type) {
      case "long": ps.setLong(index, Long.parseLong(value)); break;
      case "string": ps.setString(index, value); break;
      case "decimal": ps.setBigDecimal(index, new BigDecimal(value)); break;
      case "double": ps.setDouble(index, Double.parseDouble(value)); break;
      case "date": ps.setDate(index, Date.valueOf(value)); break;
      case "timestamp": ps.setTimestamp(index, Timestamp.valueOf(value)); break;
      case "null": ps.setNull(index, Types.VARCHAR); break;
      default: throw new IllegalArgumentException("unknown parameter type " + type);
    }
  }

  static String describe(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder out = new StringBuilder("{\"columns\":[");
    for (int i = 1; i <= md.getColumnCount(); i++) {
      if (i > 1) out.append(',');
      out.append("{\"label\":").append(json(md.getColumnLabel(i)))
        .append(",\"table\":").append(json(md.getTableName(i)))
        .append(",\"type\":").append(md.getColumnType(i))
        .append(",\"typeName\":").append(json(md.getColumnTypeName(i)))
        .append(",\"className\":").append(json(md.getColumnClassName(i)))
        .append(",\"precision\":").append(md.getPrecision(i))
        .append(",\"scale\":").append(md.getScale(i))
        .append(",\"nullable\":").append(md.isNullable(i))
        .append(",\"signed\":").append(md.isSigned(i))
        .append('}');
    }
    out.append("],\"rows\":[");
    boolean firstRow = true;
    while (rs.next()) {
      if (!firstRow) out.append(',');
      firstRow = false;
      out.append('[');
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (i > 1) out.append(',');
        Object v = rs.getObject(i);
        if (v == null) out.append("null");
        else if (v instanceof byte[]) out.append(json("byte[]:" + hex((byte[]) v)));
        else if (v instanceof Blob) out.append(json("Blob:" + hex(((Blob) v).getBytes(1, (int) ((Blob) v).length()))));
        else if (v instanceof BigDecimal) out.append(json("BigDecimal:" + ((BigDecimal) v).toPlainString()));
        else out.append(json(v.getClass().getSimpleName() + ":" + v));
      }
      out.append(']');
    }
    return out.append("]}").toString();
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) s.append(String.format("%02x", b));
    return s.toString();
  }

  static String json(String s) {
    if (s == null) return "null";
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
