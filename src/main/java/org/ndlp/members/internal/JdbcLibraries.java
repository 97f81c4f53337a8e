package org.ndlp.members.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ndlp.members.Contact;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.LibraryQuery;
import org.ndlp.members.MemberLibrary;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry table {@code member_library}; no rules, only storage. */
@Repository
public class JdbcLibraries {

	private static final String COLUMNS = "code, name, name_en, level, parent_code, region_code, address, "
			+ "contact_name, contact_phone, contact_email, created_at, updated_at";

	private final JdbcClient jdbc;

	public JdbcLibraries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<MemberLibrary> find(LibraryCode code) {
		return this.jdbc.sql("select " + COLUMNS + " from member_library where code = ?")
			.param(code.value())
			.query(JdbcLibraries::map)
			.optional();
	}

	public List<MemberLibrary> search(LibraryQuery query) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from member_library where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.level() != null) {
			sql.append(" and level = ?");
			params.add(query.level().name());
		}
		if (query.parent() != null) {
			sql.append(" and parent_code = ?");
			params.add(query.parent().value());
		}
		if (query.region() != null) {
			String region = query.region().value();
			if (region.endsWith("0000")) {
				sql.append(" and region_code like ?");
				params.add(region.substring(0, 2) + "%");
			}
			else if (region.endsWith("00")) {
				sql.append(" and region_code like ?");
				params.add(region.substring(0, 4) + "%");
			}
			else {
				sql.append(" and region_code = ?");
				params.add(region);
			}
		}
		if (query.text() != null && !query.text().isBlank()) {
			String like = "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
			sql.append(" and (lower(code) like ? or lower(name) like ? or lower(coalesce(name_en, '')) like ?)");
			params.add(like);
			params.add(like);
			params.add(like);
		}
		sql.append(" order by case level when 'NATIONAL' then 0 when 'PROVINCIAL' then 1 when 'CITY' then 2 else 3 end,"
				+ " region_code, code");
		return this.jdbc.sql(sql.toString()).params(params).query(JdbcLibraries::map).list();
	}

	public boolean exists(LibraryCode code) {
		return this.jdbc.sql("select count(*) from member_library where code = ?")
			.param(code.value())
			.query(Integer.class)
			.single() > 0;
	}

	public int countChildren(LibraryCode code) {
		return this.jdbc.sql("select count(*) from member_library where parent_code = ?")
			.param(code.value())
			.query(Integer.class)
			.single();
	}

	public List<MemberLibrary> children(LibraryCode code) {
		return this.jdbc
			.sql("select " + COLUMNS + " from member_library where parent_code = ? order by region_code, code")
			.param(code.value())
			.query(JdbcLibraries::map)
			.list();
	}

	public void insert(MemberLibrary library) {
		this.jdbc.sql("insert into member_library (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(values(library))
			.update();
	}

	public void update(MemberLibrary library) {
		List<Object> params = new ArrayList<>(values(library).subList(1, 10));
		params.add(timestamp(library.updatedAt()));
		params.add(library.code().value());
		this.jdbc.sql("update member_library set name = ?, name_en = ?, level = ?, parent_code = ?, region_code = ?, "
				+ "address = ?, contact_name = ?, contact_phone = ?, contact_email = ?, updated_at = ? where code = ?")
			.params(params)
			.update();
	}

	public int delete(LibraryCode code) {
		return this.jdbc.sql("delete from member_library where code = ?").param(code.value()).update();
	}

	private static List<Object> values(MemberLibrary library) {
		Contact contact = (library.contact() != null) ? library.contact() : Contact.NONE;
		List<Object> values = new ArrayList<>();
		values.add(library.code().value());
		values.add(library.name());
		values.add(library.nameEn());
		values.add(library.level().name());
		values.add((library.parentCode() != null) ? library.parentCode().value() : null);
		values.add(library.regionCode().value());
		values.add(library.address());
		values.add(contact.name());
		values.add(contact.phone());
		values.add(contact.email());
		values.add(timestamp(library.createdAt()));
		values.add(timestamp(library.updatedAt()));
		return values;
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static MemberLibrary map(ResultSet rs, int row) throws SQLException {
		String parent = rs.getString("parent_code");
		return new MemberLibrary(LibraryCode.of(rs.getString("code")), rs.getString("name"), rs.getString("name_en"),
				LibraryLevel.valueOf(rs.getString("level")), (parent != null) ? LibraryCode.of(parent) : null,
				RegionCode.of(rs.getString("region_code")), rs.getString("address"),
				new Contact(rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email")),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

}
