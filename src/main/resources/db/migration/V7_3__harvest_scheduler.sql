-- db-scheduler's table for the harvest poller (its PostgreSQL layout, varchar instead of text
-- so that H2 accepts the key). A table of its own: it is the oaipmh module's, not shared.
create table harvest_scheduled_tasks (
    task_name            varchar(100)  not null,
    task_instance        varchar(200)  not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean       not null,
    picked_by            varchar(200),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint        not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index harvest_scheduled_tasks_execution on harvest_scheduled_tasks (execution_time);
create index harvest_scheduled_tasks_heartbeat on harvest_scheduled_tasks (last_heartbeat);
create index harvest_scheduled_tasks_priority on harvest_scheduled_tasks (priority desc, execution_time asc);
