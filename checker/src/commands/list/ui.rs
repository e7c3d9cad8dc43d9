//! The interactive exercise list (ratatui): move with ↑/↓, Enter to continue at an exercise,
//! `d`/`p`/`a` to show done / pending / all, `/` to search, `x` to reset one, `q` to go back.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Row, Table, TableState};
use ratatui::{DefaultTerminal, Frame};

use crate::course::{Course, Exercise};
use crate::state::State;
use crate::stubs;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Done,
    Pending,
}

struct ListView<'a> {
    course: &'a Course,
    filter: Filter,
    search: String,
    searching: bool,
    confirm_reset: bool,
    message: String,
    table: TableState,
}

impl<'a> ListView<'a> {
    fn visible(&self, state: &State) -> Vec<&'a Exercise> {
        let needle = self.search.to_lowercase();
        self.course
            .exercises
            .iter()
            .filter(|e| match self.filter {
                Filter::All => true,
                Filter::Done => state.done.contains(&e.id),
                Filter::Pending => !state.done.contains(&e.id),
            })
            .filter(|e| {
                needle.is_empty()
                    || e.title.to_lowercase().contains(&needle)
                    || e.id.contains(&needle)
                    || e.name.contains(&needle)
            })
            .collect()
    }
}

/// Shows the list; returns the exercise to continue at, if one was chosen.
pub fn interactive(course: &Course, state: &mut State) -> std::io::Result<Option<String>> {
    let mut terminal = ratatui::try_init()?;
    let result = run(&mut terminal, course, state);
    ratatui::restore();
    result
}

fn run(
    terminal: &mut DefaultTerminal,
    course: &Course,
    state: &mut State,
) -> std::io::Result<Option<String>> {
    let mut view = ListView {
        course,
        filter: Filter::All,
        search: String::new(),
        searching: false,
        confirm_reset: false,
        message: String::new(),
        table: TableState::default(),
    };
    let start = course.exercises.iter().position(|e| e.id == state.current);
    view.table.select(start.or(Some(0)));
    loop {
        terminal.draw(|frame| draw(frame, &mut view, state))?;
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let rows = view.visible(state);
        let selected = view.table.selected().and_then(|i| rows.get(i)).copied();
        if view.searching {
            match key.code {
                KeyCode::Esc | KeyCode::Enter => view.searching = false,
                KeyCode::Backspace => {
                    view.search.pop();
                }
                KeyCode::Char(c) => view.search.push(c),
                _ => {}
            }
            view.table.select(Some(0));
            continue;
        }
        if view.confirm_reset {
            view.confirm_reset = false;
            if let (KeyCode::Char('y'), Some(exercise)) = (key.code, selected) {
                view.message = match stubs::restore(course, exercise) {
                    Ok(()) => {
                        state.done.remove(&exercise.id);
                        let _ = state.save(course);
                        format!(
                            "{} was reset to its original stub.",
                            exercise.file.display()
                        )
                    }
                    Err(error) => format!("{error:#}"),
                };
            }
            continue;
        }
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => return Ok(None),
            KeyCode::Enter => return Ok(selected.map(|e| e.id.clone())),
            KeyCode::Down | KeyCode::Char('j') => view.table.select_next(),
            KeyCode::Up | KeyCode::Char('k') => view.table.select_previous(),
            KeyCode::Char('a') => view.filter = Filter::All,
            KeyCode::Char('d') => view.filter = Filter::Done,
            KeyCode::Char('p') => view.filter = Filter::Pending,
            KeyCode::Char('/') => {
                view.searching = true;
                view.search.clear();
            }
            KeyCode::Char('x') if selected.is_some() => view.confirm_reset = true,
            _ => {}
        }
    }
}

fn draw(frame: &mut Frame, view: &mut ListView, state: &State) {
    let rows_data = view.visible(state);
    let rows = rows_data.iter().map(|e| {
        let mark = if state.done.contains(&e.id) {
            "✓".green()
        } else if state.current == e.id {
            "▶".yellow()
        } else {
            "·".dim()
        };
        Row::new(vec![
            Line::from(mark),
            Line::from(e.id.clone()),
            Line::from(e.title.clone()),
            Line::from(format!("{:>3}", e.points)),
            Line::from(e.file.display().to_string()).dim(),
        ])
    });
    let title = format!(
        " {} — {} of {} done, {} of {} points ",
        view.course.info.title,
        state.done.len(),
        view.course.exercises.len(),
        state.points(view.course),
        view.course.total_points()
    );
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Length(5),
            Constraint::Length(38),
            Constraint::Length(4),
            Constraint::Fill(1),
        ],
    )
    .block(Block::bordered().title(title))
    .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED));
    let [list_area, help_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(frame.area());
    frame.render_stateful_widget(table, list_area, &mut view.table);
    let filter = match view.filter {
        Filter::All => "all",
        Filter::Done => "done",
        Filter::Pending => "pending",
    };
    let help = if view.confirm_reset {
        "Reset the selected exercise to its original stub? Your code in it will be lost. [y/N]"
            .to_string()
    } else if view.searching {
        format!("search: {}▏ (Enter to keep, Esc to stop)", view.search)
    } else {
        format!(
            "↑↓ move · Enter continue here · a/d/p all/done/pending (showing {filter}) · / search · \
             x reset · q back{}",
            if view.message.is_empty() {
                String::new()
            } else {
                format!("\n{}", view.message)
            }
        )
    };
    frame.render_widget(ratatui::text::Text::from(help), help_area);
}
