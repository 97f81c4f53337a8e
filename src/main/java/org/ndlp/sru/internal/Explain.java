package org.ndlp.sru.internal;

import java.util.Map;

import org.ndlp.sru.SruProperties;

/**
 * The ZeeRex 2.0 explain record: where the server is, what the database holds, every
 * context set and index with the relations it takes, the record schemas, and the paging
 * settings. Built from {@link CqlIndexes} and {@link RecordSchema}, so it cannot drift
 * from what the server does.
 */
final class Explain {

	private Explain() {
	}

	static String record(SruServer.Location location, String version, SruProperties properties) {
		StringBuilder x = new StringBuilder(8 * 1024);
		x.append("<explain xmlns=\"").append(SruXml.ZEEREX_NS).append("\">\n");
		x.append("<serverInfo protocol=\"SRU\" version=\"")
			.append(version)
			.append("\" transport=\"http\" method=\"GET POST\">\n");
		element(x, "host", location.host());
		element(x, "port", String.valueOf(location.port()));
		element(x, "database", location.database());
		x.append("</serverInfo>\n");
		x.append("<databaseInfo>\n");
		x.append("<title lang=\"zh\" primary=\"true\">全国联合目录 (数字图书馆推广工程)</title>\n");
		x.append("<title lang=\"en\">NDLP union catalog of the Digital Library Promotion Project</title>\n");
		x.append("<description lang=\"zh\" primary=\"true\">成员馆书目的联合记录（每个版本一条，含各馆记录与馆藏）。"
				+ "检索支持简繁体、拼音与中文分词。</description>\n");
		x.append("<description lang=\"en\">Union records of the member libraries' catalogues (one per edition, "
				+ "each library's record and holdings kept). Simplified and traditional Chinese and pinyin "
				+ "find each other.</description>\n");
		x.append("</databaseInfo>\n");
		x.append("<indexInfo>\n");
		for (Map.Entry<String, String> set : CqlIndexes.SETS.entrySet()) {
			x.append("<set name=\"")
				.append(set.getKey())
				.append("\" identifier=\"")
				.append(SruXml.escaped(set.getValue(), true))
				.append("\"/>\n");
		}
		for (CqlIndexes.Index index : CqlIndexes.ALL) {
			String setName = CqlIndexes.SETS.entrySet()
				.stream()
				.filter((e) -> e.getValue().equals(index.set()))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow();
			x.append("<index search=\"true\" scan=\"false\" sort=\"").append(index.sortable()).append("\">\n");
			element(x, "title", index.title());
			x.append("<map><name set=\"").append(setName).append("\">").append(index.name()).append("</name></map>\n");
			x.append("<configInfo>\n");
			for (String relation : index.relations()) {
				x.append("<supports type=\"relation\">")
					.append(SruXml.escaped(relation, false))
					.append("</supports>\n");
			}
			x.append("</configInfo>\n");
			x.append("</index>\n");
		}
		x.append("</indexInfo>\n");
		x.append("<schemaInfo>\n");
		for (RecordSchema schema : RecordSchema.values()) {
			x.append("<schema identifier=\"")
				.append(schema.identifier())
				.append("\" name=\"")
				.append(schema.shortName())
				.append("\" retrieve=\"true\" sort=\"false\">");
			element(x, "title", schema.title());
			x.append("</schema>\n");
		}
		x.append("</schemaInfo>\n");
		x.append("<configInfo>\n");
		x.append("<default type=\"numberOfRecords\">").append(properties.defaultRecords()).append("</default>\n");
		x.append("<setting type=\"maximumRecords\">").append(properties.maxRecords()).append("</setting>\n");
		x.append("<default type=\"contextSet\">cql</default>\n");
		x.append("<default type=\"index\">cql.serverChoice</default>\n");
		x.append("<default type=\"relation\">=</default>\n");
		for (String relation : new String[] { "=", "==", "all", "any", "adj", "<", ">", "<=", ">=", "<>", "within" }) {
			x.append("<supports type=\"relation\">").append(SruXml.escaped(relation, false)).append("</supports>\n");
		}
		x.append("<supports type=\"maskingCharacter\">*</supports>\n");
		x.append("<supports type=\"sortKeys\"/>\n");
		x.append("<supports type=\"sort\">sortBy</supports>\n");
		x.append("</configInfo>\n");
		x.append("</explain>\n");
		return x.toString();
	}

	private static void element(StringBuilder x, String name, String value) {
		x.append('<')
			.append(name)
			.append('>')
			.append(SruXml.escaped(value, false))
			.append("</")
			.append(name)
			.append(">\n");
	}

}
